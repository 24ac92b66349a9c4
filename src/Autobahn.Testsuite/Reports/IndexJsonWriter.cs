using System.Text;
using System.Text.Json.Nodes;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Reports;

/// <summary>
/// The process-wide record of finished cases, written as wstest's <c>index.json</c>
/// (<c>{agent: {caseId: {"behavior", "behaviorClose", "duration", "remoteCloseCode", "reportfile"}}}</c>).
/// Unlike wstest, which writes its reports once at the end of a run, the file is rewritten after every case,
/// atomically (a temporary file in the same directory, then a rename over the old one), so a run that is
/// cancelled or crashes leaves a valid file with every case it finished. Thread-safe: rows of a test run
/// may finish concurrently.
/// </summary>
internal sealed class IndexJsonWriter
{
    /// <summary>Environment variable naming the report directory.</summary>
    public const string DirectoryVariable = "AUTOBAHN_REPORTS_DIR";

    /// <summary>Environment variable overriding the agent name every result is reported under.</summary>
    public const string AgentVariable = "AUTOBAHN_AGENT";

    /// <summary>The file name wstest uses.</summary>
    public const string FileName = "index.json";

    private const int MoveAttempts = 5;

    private static readonly Lazy<IndexJsonWriter> SharedWriter = new(
        () => new IndexJsonWriter(DefaultDirectory(), NullIfBlank(Environment.GetEnvironmentVariable(AgentVariable))));

    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, IndexEntry>> agents = new(StringComparer.Ordinal);
    private readonly string? agentOverride;

    /// <summary>Creates a writer for <paramref name="directory"/> (created on the first write).</summary>
    /// <param name="directory">Where <c>index.json</c> goes.</param>
    /// <param name="agentOverride">When set, every result is reported under this agent instead of its own.</param>
    public IndexJsonWriter(string directory, string? agentOverride = null)
    {
        Directory = Path.GetFullPath(directory);
        this.agentOverride = agentOverride;
    }

    /// <summary>
    /// The writer of this process: directory from <c>AUTOBAHN_REPORTS_DIR</c>, else <c>autobahn-reports</c> beside
    /// the test assembly; agent from <c>AUTOBAHN_AGENT</c>, else each result's own.
    /// </summary>
    public static IndexJsonWriter Shared => SharedWriter.Value;

    /// <summary>The report directory.</summary>
    public string Directory { get; }

    /// <summary>The full path of <c>index.json</c>.</summary>
    public string IndexPath => Path.Combine(Directory, FileName);

    /// <summary>The directory used when <c>AUTOBAHN_REPORTS_DIR</c> is not set.</summary>
    public static string DefaultDirectory() =>
        NullIfBlank(Environment.GetEnvironmentVariable(DirectoryVariable)) ?? Path.Combine(AppContext.BaseDirectory, "autobahn-reports");

    /// <summary>
    /// Records a finished case and rewrites <c>index.json</c>. A result whose TCP connect failed is not recorded:
    /// wstest records nothing for it either (<c>ATS fuzzing.py</c> <c>clientConnectionFailed</c>).
    /// </summary>
    /// <returns>The agent name the result was recorded under, or null when it was not recorded.</returns>
    public string? Record(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Transcript.ConnectFailed) return null;

        var agent = agentOverride ?? result.Agent;
        var entry = new IndexEntry(
            result.Verdict.Behavior.ToWstestString(),
            result.Verdict.BehaviorClose.ToWstestString(),
            result.Transcript.DurationMilliseconds,
            result.Transcript.Closing.RemoteCloseCode,
            ReportFileNames.CaseJson(agent, result.Id));

        // One lock around update and write: writes are serialized, and the file written last holds every entry.
        lock (gate)
        {
            if (!agents.TryGetValue(agent, out var cases))
            {
                cases = new Dictionary<string, IndexEntry>(StringComparer.Ordinal);
                agents.Add(agent, cases);
            }

            cases[result.Id.Text] = entry;
            WriteAtomically(ToJsonLocked());
        }

        return agent;
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
                    ["behavior"] = entry.Behavior,
                    ["behaviorClose"] = entry.BehaviorClose,
                    ["duration"] = entry.Duration,
                    ["remoteCloseCode"] = entry.RemoteCloseCode,
                    ["reportfile"] = entry.ReportFile,
                };
            }

            root[agent] = agentNode;
        }

        return PythonJson.Serialize(root);
    }

    private void WriteAtomically(string json)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temp = Path.Combine(Directory, $".{FileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    // rename(2) on Unix, MoveFileEx(REPLACE_EXISTING) on Windows: readers see the old or the new file, never half of one.
                    File.Move(temp, IndexPath, overwrite: true);
                    return;
                }
                catch (Exception e) when (attempt < MoveAttempts && e is IOException or UnauthorizedAccessException)
                {
                    // Windows refuses to replace a file another process (an editor, a virus scanner) holds open; retry briefly.
                    Thread.Sleep(20 * attempt);
                }
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
