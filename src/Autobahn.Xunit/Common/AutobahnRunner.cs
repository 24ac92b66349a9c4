using System.Runtime.CompilerServices;
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
    /// or the server could not be reached.
    /// </exception>
    /// <remarks>
    /// UNIMPLEMENTED (the server declined permessage-deflate) is a skip: an <see cref="AutobahnTheoryAttribute"/> row
    /// reports it as skipped; called outside such a row, the call throws and the test fails saying so. Pass the row's
    /// <paramref name="caseId"/> argument as it is: the row's expectations, time scale and theory run are found by it.
    /// </remarks>
    public static Task<CaseResult> RunAsync(string caseId, string serverUrl, FuzzingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverUrl);
        return RunAsync(caseId, new Uri(serverUrl, UriKind.Absolute), options, cancellationToken);
    }

    /// <inheritdoc cref="RunAsync(string, string, FuzzingOptions?, CancellationToken)" />
    public static Task<CaseResult> RunAsync(string caseId, Uri serverUrl, FuzzingOptions? options = null, CancellationToken cancellationToken = default) =>
        CaseRunner.Shared.RunAsync(caseId, serverUrl, options, XunitRows.Find(caseId), cancellationToken);

    /// <summary>
    /// Runs one case against a server-side <see cref="System.Net.WebSockets.WebSocket"/> handler in memory — no socket, no
    /// web host: the fuzzer's bytes go through <see cref="System.Net.WebSockets.WebSocket.CreateFromStream(Stream, System.Net.WebSockets.WebSocketCreationOptions)"/>
    /// to <paramref name="handler"/>, the code your endpoint runs after accepting the WebSocket. Results are reported under
    /// the agent "InMemory" unless <see cref="FuzzingOptions.Agent"/> says otherwise.
    /// </summary>
    /// <param name="caseId">The case, e.g. "2.2".</param>
    /// <param name="handler">Serves one connection; when it returns, the connection is closed.</param>
    /// <param name="options">Timers and agent name; wstest's defaults when null.</param>
    /// <param name="cancellationToken">Cancels the case.</param>
    /// <returns>The case's result, when its verdict passes.</returns>
    /// <exception cref="AutobahnCaseFailedException">The verdict fails.</exception>
    public static Task<CaseResult> RunAsync(
        string caseId,
        Func<System.Net.WebSockets.WebSocket, CancellationToken, Task> handler,
        FuzzingOptions? options = null,
        CancellationToken cancellationToken = default) =>
        CaseRunner.Shared.RunAsync(caseId, handler, options, XunitRows.Find(caseId), cancellationToken);
    /// <summary>
    /// Runs one case against a WebSocket <b>client</b>, as wstest's fuzzingserver does: the package's fuzzing server
    /// (one per test run, on 127.0.0.1 and a free port) calls <paramref name="client"/> with the URL of the case
    /// (<c>ws://127.0.0.1:port/runCase?casetuple=2.2&amp;agent=Client</c>); your code connects there and echoes every
    /// text and binary message until the server closes. The result is recorded in <c>index.json</c> as for servers
    /// (with <c>"isServer": true</c>) and returned.
    /// </summary>
    /// <param name="caseId">The case, e.g. "2.2" (the row argument of <see cref="AutobahnCasesAttribute"/>).</param>
    /// <param name="client">
    /// Connects to the URL it is given and echoes, e.g. with <see cref="System.Net.WebSockets.ClientWebSocket"/>. Its token
    /// is cancelled once the case is over. Exceptions it throws after connecting are ignored: failing the connection is
    /// often the right answer, and the verdict judges what reached the wire.
    /// </param>
    /// <param name="options">Timers and agent name (default "Client"); wstest's defaults when null.</param>
    /// <param name="cancellationToken">Cancels the case.</param>
    /// <returns>The case's result, when its verdict passes.</returns>
    /// <exception cref="AutobahnCaseFailedException">
    /// The verdict fails (the same policy as for servers), or the client never connected: it returned or threw without
    /// connecting (at once), or did not connect within the opening-handshake timeout (5 s). UNIMPLEMENTED (the client
    /// offered no permessage-deflate that the case accepts) is a skip: an <see cref="AutobahnTheoryAttribute"/> row
    /// reports it as skipped; outside a row the call throws.
    /// </exception>
    public static Task<CaseResult> RunClientAsync(
        string caseId,
        Func<Uri, CancellationToken, Task> client,
        FuzzingOptions? options = null,
        CancellationToken cancellationToken = default) =>
        CaseRunner.Shared.RunClientAsync(caseId, client, options, XunitRows.Find(caseId), cancellationToken);

    /// <summary>
    /// Runs one case against a client-side <see cref="System.Net.WebSockets.WebSocket"/> handler in memory — no socket: the
    /// opening handshake is done for you and <paramref name="client"/> gets a client WebSocket made by
    /// <see cref="System.Net.WebSockets.WebSocket.CreateFromStream(Stream, System.Net.WebSockets.WebSocketCreationOptions)"/>
    /// with <c>IsServer = false</c>, the code your client runs after <c>ConnectAsync</c>. Results are reported under the agent
    /// "InMemoryClient" unless <see cref="FuzzingOptions.Agent"/> says otherwise;
    /// <see cref="FuzzingOptions.InMemoryPermessageDeflate"/> makes the client offer permessage-deflate.
    /// </summary>
    /// <param name="caseId">The case, e.g. "2.2".</param>
    /// <param name="client">Echoes over the WebSocket; when it returns, the connection is closed.</param>
    /// <param name="options">Timers and agent name; wstest's defaults when null.</param>
    /// <param name="cancellationToken">Cancels the case.</param>
    /// <returns>The case's result, when its verdict passes.</returns>
    /// <exception cref="AutobahnCaseFailedException">The verdict fails.</exception>
    public static Task<CaseResult> RunClientAsync(
        string caseId,
        Func<System.Net.WebSockets.WebSocket, CancellationToken, Task> client,
        FuzzingOptions? options = null,
        CancellationToken cancellationToken = default) =>
        CaseRunner.Shared.RunClientAsync(caseId, client, options, XunitRows.Find(caseId), cancellationToken);

    /// <summary>
    /// Runs one case against a WebSocket client like <see cref="RunClientAsync(string, Func{Uri, CancellationToken, Task}, FuzzingOptions?, CancellationToken)"/>
    /// and then compares what it observed with the accepted snapshot, as <see cref="VerifyAsync(string, Uri, FuzzingOptions?, string?, CancellationToken, string, string)"/> does.
    /// </summary>
    /// <param name="caseId">The case, e.g. "2.2".</param>
    /// <param name="client">Connects to the URL it is given and echoes.</param>
    /// <param name="options">Timers and agent name; wstest's defaults when null.</param>
    /// <param name="className">The class part of the file name; the source file's name without extension when null.</param>
    /// <param name="cancellationToken">Cancels the case.</param>
    /// <param name="sourceFile">The test's source file: filled in by the compiler.</param>
    /// <param name="method">The test method: filled in by the compiler.</param>
    /// <returns>The case's result, when its verdict passes and its snapshot matches.</returns>
    /// <exception cref="AutobahnCaseFailedException">The verdict fails (checked before the snapshot).</exception>
    /// <exception cref="AutobahnSnapshotMismatchException">No accepted snapshot, or it differs.</exception>
    public static async Task<CaseResult> VerifyClientAsync(
        string caseId,
        Func<Uri, CancellationToken, Task> client,
        FuzzingOptions? options = null,
        string? className = null,
        CancellationToken cancellationToken = default,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        var file = SnapshotFile.For(sourceFile, className, method, caseId);
        var result = await CaseRunner.Shared.RunClientAsync(caseId, client, options, XunitRows.Find(caseId), cancellationToken).ConfigureAwait(false);
        await SnapshotVerifier.FromEnvironment().VerifyAsync(SnapshotText.Render(result), file, result.Id.Text).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Runs one case like <see cref="RunAsync(string, Uri, FuzzingOptions?, CancellationToken)"/> (same verdict policy,
    /// same report) and then compares what it observed — events, verdict and closing behaviour, scrubbed of
    /// everything that varies between runs — with the accepted snapshot
    /// <c>{directory of the test source}/{Class}.{Method}_caseId={id}.verified.txt</c> (Verify's conventions).
    /// </summary>
    /// <param name="caseId">The case, e.g. "2.2".</param>
    /// <param name="serverUrl">The server, e.g. "ws://127.0.0.1:9001/".</param>
    /// <param name="options">Timers and agent name; wstest's defaults when null.</param>
    /// <param name="className">The class part of the file name; the source file's name without extension when null.</param>
    /// <param name="cancellationToken">Cancels the case.</param>
    /// <param name="sourceFile">The test's source file: filled in by the compiler.</param>
    /// <param name="method">The test method: filled in by the compiler.</param>
    /// <returns>The case's result, when its verdict passes and its snapshot matches.</returns>
    /// <exception cref="AutobahnCaseFailedException">The verdict fails (checked before the snapshot).</exception>
    /// <exception cref="AutobahnSnapshotMismatchException">
    /// No accepted snapshot, or it differs: <c>.received.txt</c> is written beside it. Set
    /// <c>AUTOBAHN_ACCEPT_SNAPSHOTS=1</c> (ignored on build servers) to accept, or copy the received file over the verified one.
    /// </exception>
    public static Task<CaseResult> VerifyAsync(
        string caseId,
        string serverUrl,
        FuzzingOptions? options = null,
        string? className = null,
        CancellationToken cancellationToken = default,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(serverUrl);
        return VerifyAsync(caseId, new Uri(serverUrl, UriKind.Absolute), options, className, cancellationToken, sourceFile, method);
    }

    /// <inheritdoc cref="VerifyAsync(string, string, FuzzingOptions?, string?, CancellationToken, string, string)" />
    public static Task<CaseResult> VerifyAsync(
        string caseId,
        Uri serverUrl,
        FuzzingOptions? options = null,
        string? className = null,
        CancellationToken cancellationToken = default,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        var file = SnapshotFile.For(sourceFile, className, method, caseId);
        return VerifyAsync(CaseRunner.Shared, SnapshotVerifier.FromEnvironment(), caseId, serverUrl, options, XunitRows.Find(caseId), file, cancellationToken);
    }

    /// <summary>What the public <c>VerifyAsync</c> does, with runner, verifier and file passed in (for tests).</summary>
    internal static async Task<CaseResult> VerifyAsync(
        CaseRunner runner,
        SnapshotVerifier verifier,
        string caseId,
        Uri serverUrl,
        FuzzingOptions? options,
        RowSettings? row,
        SnapshotFile file,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(verifier);
        var result = await runner.RunAsync(caseId, serverUrl, options, row, cancellationToken).ConfigureAwait(false);
        await verifier.VerifyAsync(SnapshotText.Render(result), file, result.Id.Text).ConfigureAwait(false);
        return result;
    }
}
