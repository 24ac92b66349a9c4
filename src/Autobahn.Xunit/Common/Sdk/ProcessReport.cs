using Autobahn.Testsuite;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The report of this test process, and the host policy around it: where it goes and under which agent come from
/// environment variables, and <c>index.html</c> is flushed when the process exits (the engine's
/// <see cref="ReportWriter"/> installs no hook of its own and reads no environment).
/// </summary>
internal static class ProcessReport
{
    /// <summary>Environment variable naming the report directory.</summary>
    public const string DirectoryVariable = "AUTOBAHN_REPORTS_DIR";

    /// <summary>Environment variable overriding the agent name every result is reported under.</summary>
    public const string AgentVariable = "AUTOBAHN_AGENT";

    private static readonly Lazy<ReportWriter> SharedWriter = new(() =>
    {
        var writer = new ReportWriter(DefaultDirectory()) { Agent = NullIfBlank(Environment.GetEnvironmentVariable(AgentVariable)) };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => FlushQuietly(writer);
        return writer;
    });

    /// <summary>
    /// The writer of this process: directory from <c>AUTOBAHN_REPORTS_DIR</c>, else <c>autobahn-reports</c> beside
    /// the test assembly; agent from <c>AUTOBAHN_AGENT</c>, else each result's own.
    /// </summary>
    public static ReportWriter Shared => SharedWriter.Value;

    /// <summary>The directory from <c>AUTOBAHN_REPORTS_DIR</c>, else <c>autobahn-reports</c> beside the test assembly.</summary>
    public static string DefaultDirectory() =>
        NullIfBlank(Environment.GetEnvironmentVariable(DirectoryVariable)) ?? Path.Combine(AppContext.BaseDirectory, "autobahn-reports");

    /// <summary>The process-exit flush: an exception there would only hide the test results, so a failed write is dropped.</summary>
    private static void FlushQuietly(ReportWriter writer)
    {
        try
        {
            writer.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
