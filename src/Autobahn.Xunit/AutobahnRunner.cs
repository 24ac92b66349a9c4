using Autobahn.Testsuite;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit;

/// <summary>Runs Autobahn cases from a test and turns wstest's verdict into the test's outcome.</summary>
public static class AutobahnRunner
{
    /// <summary>
    /// Runs one case against the WebSocket server at <paramref name="serverUrl"/>, records it in <c>index.json</c>
    /// (directory <c>AUTOBAHN_REPORTS_DIR</c>, else <c>autobahn-reports</c> beside the test assembly), and returns its result.
    /// </summary>
    /// <param name="caseId">The case, e.g. "2.2" (the row argument of <see cref="AutobahnCasesAttribute"/>).</param>
    /// <param name="serverUrl">The server, e.g. "ws://127.0.0.1:9001/".</param>
    /// <param name="options">Timers and agent name; wstest's defaults when null.</param>
    /// <param name="cancellationToken">Cancels the case.</param>
    /// <returns>The case's result, when its verdict passes.</returns>
    /// <exception cref="AutobahnCaseFailedException">
    /// The verdict fails: behavior other than OK, NON-STRICT or INFORMATIONAL, or close other than OK or INFORMATIONAL;
    /// or the server could not be reached. UNIMPLEMENTED (the server declined permessage-deflate) does not fail:
    /// an <see cref="AutobahnTheoryAttribute"/> row reports it as skipped.
    /// </exception>
    public static Task<CaseResult> RunAsync(string caseId, string serverUrl, FuzzingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverUrl);
        return RunAsync(caseId, new Uri(serverUrl, UriKind.Absolute), options, cancellationToken);
    }

    /// <inheritdoc cref="RunAsync(string, string, FuzzingOptions?, CancellationToken)" />
    public static Task<CaseResult> RunAsync(string caseId, Uri serverUrl, FuzzingOptions? options = null, CancellationToken cancellationToken = default) =>
        CaseRunner.Shared.RunAsync(caseId, serverUrl, options, cancellationToken);
}
