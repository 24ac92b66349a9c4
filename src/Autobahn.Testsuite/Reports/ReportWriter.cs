using System.Text.Json.Nodes;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Reports;

/// <summary>
/// The process-wide report of finished cases, in wstest's layout (<c>ATS fuzzing.py</c> <c>createReports</c>):
/// <c>index.json</c> (<c>{agent: {caseId: {"behavior", "behaviorClose", "duration", "remoteCloseCode", "reportfile"}}}</c>),
/// <c>index.html</c>, and per case <c>&lt;agent&gt;_case_&lt;id&gt;.json</c> and <c>.html</c>.
/// Unlike wstest, which writes its reports once at the end of a run, the files are written while the run goes on,
/// atomically (a temporary file in the same directory, then a rename over the old one), so a run that is cancelled or
/// crashes leaves a valid report of the cases it finished: a case's own files and <c>index.json</c> as soon as the
/// case finishes; <c>index.html</c> (some 400 KB, as it lists all 517 cases with their descriptions) at most once per
/// <see cref="IndexHtmlInterval"/>, always after the last case, and on <see cref="Flush"/> and process exit.
/// Thread-safe: rows of a test run may finish concurrently.
/// </summary>
internal sealed class ReportWriter
{
    /// <summary>Environment variable naming the report directory.</summary>
    public const string DirectoryVariable = "AUTOBAHN_REPORTS_DIR";

    /// <summary>Environment variable overriding the agent name every result is reported under.</summary>
    public const string AgentVariable = "AUTOBAHN_AGENT";

    /// <summary>The file name wstest uses for the summary JSON.</summary>
    public const string FileName = "index.json";

    /// <summary>The file name wstest uses for the summary page.</summary>
    public const string HtmlFileName = "index.html";

    private static readonly Lazy<ReportWriter> SharedWriter = new(() =>
    {
        var writer = new ReportWriter(DefaultDirectory(), NullIfBlank(Environment.GetEnvironmentVariable(AgentVariable)));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => writer.FlushQuietly();
        return writer;
    });

    /// <summary>The shortest time between two rewrites of <c>index.html</c>.</summary>
    public static readonly TimeSpan IndexHtmlInterval = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, IndexEntry>> agents = new(StringComparer.Ordinal);
    private readonly string? agentOverride;
    private readonly TimeProvider time;
    private long indexHtmlWrittenAt = long.MinValue;
    private bool indexHtmlDirty;
    private ITimer? indexHtmlTimer;

    /// <summary>Creates a writer for <paramref name="directory"/> (created on the first write).</summary>
    /// <param name="directory">Where the reports go.</param>
    /// <param name="agentOverride">When set, every result is reported under this agent instead of its own.</param>
    /// <param name="time">The clock for the "generated on" line of <c>index.html</c>.</param>
    public ReportWriter(string directory, string? agentOverride = null, TimeProvider? time = null)
    {
        Directory = Path.GetFullPath(directory);
        this.agentOverride = agentOverride;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The writer of this process: directory from <c>AUTOBAHN_REPORTS_DIR</c>, else <c>autobahn-reports</c> beside
    /// the test assembly; agent from <c>AUTOBAHN_AGENT</c>, else each result's own.
    /// </summary>
    public static ReportWriter Shared => SharedWriter.Value;

    /// <summary>The report directory.</summary>
    public string Directory { get; }

    /// <summary>The full path of <c>index.json</c>.</summary>
    public string IndexPath => Path.Combine(Directory, FileName);

    /// <summary>The full path of <c>index.html</c>.</summary>
    public string IndexHtmlPath => Path.Combine(Directory, HtmlFileName);

    /// <summary>The directory used when <c>AUTOBAHN_REPORTS_DIR</c> is not set.</summary>
    public static string DefaultDirectory() =>
        NullIfBlank(Environment.GetEnvironmentVariable(DirectoryVariable)) ?? Path.Combine(AppContext.BaseDirectory, "autobahn-reports");

    /// <summary>
    /// Records a finished case: writes its JSON and HTML report, then rewrites <c>index.json</c>, and <c>index.html</c>
    /// unless it was written less than <see cref="IndexHtmlInterval"/> ago (then a timer writes it when that is over).
    /// A result whose TCP connect failed is not recorded: wstest records nothing for it either
    /// (<c>ATS fuzzing.py</c> <c>clientConnectionFailed</c>).
    /// </summary>
    /// <returns>The agent name the result was recorded under, or null when it was not recorded.</returns>
    public string? Record(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Transcript.ConnectFailed) return null;

        var agent = agentOverride ?? result.Agent;
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
            if (indexHtmlWrittenAt == long.MinValue || time.GetElapsedTime(indexHtmlWrittenAt) >= IndexHtmlInterval)
            {
                WriteIndexHtmlLocked();
            }
            else
            {
                indexHtmlTimer ??= time.CreateTimer(_ => FlushQuietly(), null, IndexHtmlInterval - time.GetElapsedTime(indexHtmlWrittenAt), Timeout.InfiniteTimeSpan);
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
    public string ToJson()
    {
        lock (gate)
        {
            return ToJsonLocked();
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The timer's flush: an exception on a timer thread would end the process, so a failed write waits for the next case or <see cref="Flush"/>.</summary>
    private void FlushQuietly()
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
        AtomicFile.WriteAllText(IndexHtmlPath, IndexHtml.Render(agents, time.GetUtcNow()));
        indexHtmlWrittenAt = time.GetTimestamp();
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
