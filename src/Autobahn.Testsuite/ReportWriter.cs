using System.Text.Json.Nodes;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Reports;

namespace Autobahn.Testsuite;

/// <summary>
/// A report of finished cases in wstest's layout (<c>ATS fuzzing.py</c> <c>createReports</c>), in
/// <see cref="Directory"/>: <c>index.json</c> (<c>{agent: {caseId: {"behavior", "behaviorClose", "duration",
/// "remoteCloseCode", "reportfile"}}}</c>), <c>index.html</c>, and per case <c>&lt;agent&gt;_case_&lt;id&gt;.json</c>
/// and <c>.html</c>.
/// Unlike wstest, which writes its reports once at the end of a run, the files are written while the run goes on,
/// atomically (a temporary file in the same directory, then a rename over the old one), so a run that is cancelled or
/// crashes leaves a valid report of the cases it finished: a case's own files and <c>index.json</c> as soon as the
/// case is recorded; <c>index.html</c> (some 400 KB, as it lists all 517 cases with their descriptions) at most once a
/// second, and on <see cref="Flush"/>. A front end calls <see cref="Flush"/> when its run ends (the engine installs no
/// process-exit hook). Thread-safe: cases may be recorded concurrently.
/// </summary>
public sealed class ReportWriter
{
    /// <summary>The file name wstest uses for the summary JSON.</summary>
    internal const string FileName = "index.json";

    /// <summary>The file name wstest uses for the summary page.</summary>
    internal const string HtmlFileName = "index.html";

    /// <summary>The shortest time between two rewrites of <c>index.html</c>.</summary>
    internal static readonly TimeSpan IndexHtmlInterval = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, IndexEntry>> agents = new(StringComparer.Ordinal);
    private long indexHtmlWrittenAt = long.MinValue;
    private bool indexHtmlDirty;
    private ITimer? indexHtmlTimer;

    /// <summary>Creates a writer for <paramref name="directory"/>, which is created on the first write.</summary>
    /// <param name="directory">Where the reports go; a relative path is taken from the current directory.</param>
    public ReportWriter(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The report directory, a full path.</summary>
    public string Directory { get; }

    /// <summary>When set, every case is reported under this agent name instead of its own <see cref="CaseResult.Agent"/>.</summary>
    public string? Agent { get; init; }

    /// <summary>The clock of the "generated on" line of <c>index.html</c> and of its rewrite interval; the system clock by default.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The full path of <c>index.json</c>.</summary>
    public string IndexPath => Path.Combine(Directory, FileName);

    /// <summary>The full path of <c>index.html</c>.</summary>
    public string IndexHtmlPath => Path.Combine(Directory, HtmlFileName);

    /// <summary>
    /// The full path of the HTML report file of <paramref name="result"/> (<c>&lt;agent&gt;_case_&lt;id&gt;.html</c>,
    /// under <see cref="Agent"/> when set, else the result's own agent), whether or not it was recorded yet.
    /// </summary>
    public string CaseHtmlPath(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Path.Combine(Directory, ReportFileNames.CaseHtml(Agent ?? result.Agent, result.Id));
    }

    /// <summary>
    /// Records a finished case: writes its JSON and HTML report, then rewrites <c>index.json</c>, and <c>index.html</c>
    /// unless it was written less than a second ago (then a timer writes it when the second is over).
    /// A result whose TCP connect failed is not recorded: wstest records nothing for it either
    /// (<c>ATS fuzzing.py</c> <c>clientConnectionFailed</c>), nor is a case excluded after the handshake
    /// (<see cref="Fuzzing.CaseTranscript.Excluded"/>).
    /// </summary>
    /// <returns>The agent name the result was recorded under, or null when it was not recorded.</returns>
    public string? Record(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Transcript.ConnectFailed || result.Transcript.Excluded) return null;

        var agent = Agent ?? result.Agent;
        var traffic = result.Transcript.TrafficStats;
        var entry = new IndexEntry(
            result.Verdict.Behavior,
            result.Verdict.BehaviorClose,
            result.Transcript.DurationMilliseconds,
            result.Transcript.Closing.RemoteCloseCode,
            ReportFileNames.CaseJson(agent, result.Id))
        {
            HtmlFile = ReportFileNames.CaseHtml(agent, result.Id),
            ReportTime = CaseReportJson.ReportTime(result.Id),
            ReportCompressionRatio = CaseReportJson.ReportCompressionRatio(result.Id),
            HasTrafficStats = traffic is not null,
            IncomingCompressionRatio = traffic?.IncomingCompressionRatio,
            OutgoingCompressionRatio = traffic?.OutgoingCompressionRatio,
        };

        // Built outside the lock: a case's own files depend on nothing else.
        var caseJson = CaseReportJson.Serialize(result, agent);
        var caseHtml = CaseReportHtml.Render(result, agent);

        // One lock around update and writes: writes are serialized, and the index files written last hold every entry.
        lock (gate)
        {
            if (!agents.TryGetValue(agent, out var cases))
            {
                cases = new Dictionary<string, IndexEntry>(StringComparer.Ordinal);
                agents.Add(agent, cases);
            }

            cases[result.Id.Text] = entry;

            // The case files first, then the indexes that link to them: a reader never follows a link to a missing file.
            AtomicFile.WriteAllText(Path.Combine(Directory, entry.ReportFile), caseJson);
            AtomicFile.WriteAllText(Path.Combine(Directory, entry.HtmlFile), caseHtml);
            AtomicFile.WriteAllText(IndexPath, ToJsonLocked());

            // index.html is large: rewriting it after each of 517 cases would cost more than running them.
            indexHtmlDirty = true;
            if (indexHtmlWrittenAt == long.MinValue || Time.GetElapsedTime(indexHtmlWrittenAt) >= IndexHtmlInterval)
            {
                WriteIndexHtmlLocked();
            }
            else
            {
                indexHtmlTimer ??= Time.CreateTimer(_ => FlushQuietly(), null, IndexHtmlInterval - Time.GetElapsedTime(indexHtmlWrittenAt), Timeout.InfiniteTimeSpan);
            }
        }

        return agent;
    }

    /// <summary>Writes <c>index.html</c> now if a case was recorded since it was last written.</summary>
    public void Flush()
    {
        lock (gate)
        {
            if (indexHtmlDirty) WriteIndexHtmlLocked();
        }
    }

    /// <summary>The current <c>index.json</c> text.</summary>
    internal string ToJson()
    {
        lock (gate)
        {
            return ToJsonLocked();
        }
    }

    /// <summary>The timer's flush: an exception on a timer thread would end the process, so a failed write waits for the next case or <see cref="Flush"/>.</summary>
    internal void FlushQuietly()
    {
        try
        {
            Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private void WriteIndexHtmlLocked()
    {
        indexHtmlTimer?.Dispose();
        indexHtmlTimer = null;
        AtomicFile.WriteAllText(IndexHtmlPath, IndexHtml.Render(agents, Time.GetUtcNow()));
        indexHtmlWrittenAt = Time.GetTimestamp();
        indexHtmlDirty = false;
    }

    private string ToJsonLocked()
    {
        var root = new JsonObject();
        foreach (var (agent, cases) in agents)
        {
            var agentNode = new JsonObject();
            foreach (var (caseId, entry) in cases)
            {
                agentNode[caseId] = new JsonObject
                {
                    ["behavior"] = entry.Behavior.ToWstestString(),
                    ["behaviorClose"] = entry.BehaviorClose.ToWstestString(),
                    ["duration"] = entry.Duration,
                    ["remoteCloseCode"] = entry.RemoteCloseCode,
                    ["reportfile"] = entry.ReportFile,
                };
            }

            root[agent] = agentNode;
        }

        return PythonJson.Serialize(root);
    }
}
