using System.Security.Cryptography;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Driving;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Testsuite;

/// <summary>Runs Autobahn cases against a WebSocket server, one fresh connection per case, as wstest does.</summary>
public static class Fuzzer
{
    /// <summary>
    /// Runs one case against the server at <paramref name="serverUrl"/> (<c>ws://host:port/path</c>, or
    /// <c>wss://host:port/path</c> for a TLS server, see <see cref="FuzzingOptions.Tls"/>) and judges it as wstest does.
    /// Never throws for server misbehaviour: a refused connection, a rejected certificate or a failed handshake is a
    /// FAILED result whose <see cref="CaseTranscript.ConnectionFailure"/> says why.
    /// </summary>
    /// <exception cref="ArgumentException">The case id is unknown, or the URL is not a <c>ws://</c> or <c>wss://</c> URL.</exception>
    public static Task<CaseResult> RunCaseAsync(string caseId, Uri serverUrl, FuzzingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serverUrl);
        if (!serverUrl.IsAbsoluteUri || serverUrl.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException($"'{serverUrl}' is not a ws:// or wss:// URL.", nameof(serverUrl));
        }

        options ??= FuzzingOptions.Default;
        var handshakeTimeout = options.Scale(options.OpenHandshakeTimeout);
        var tls = options.Tls ?? TlsOptions.Default;
        Func<Stream, CancellationToken, Task<Stream>>? secure = serverUrl.Scheme == "wss"
            ? (transport, token) => TlsConnector.AuthenticateAsync(transport, serverUrl, tls, handshakeTimeout, token)
            : null;
        return RunCaseAsync(caseId, serverUrl, async token =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(handshakeTimeout);
            try
            {
                return await TcpConnector.ConnectAsync(serverUrl, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                throw new TimeoutException($"no TCP connection within {handshakeTimeout.TotalSeconds:0.###} s");
            }
        }, options, cancellationToken, secure: secure);
    }

    /// <summary>
    /// Runs one case against a server-side <see cref="System.Net.WebSockets.WebSocket"/> handler in memory, with no socket:
    /// the fuzzer's bytes reach <see cref="System.Net.WebSockets.WebSocket.CreateFromStream(Stream, System.Net.WebSockets.WebSocketCreationOptions)"/>
    /// over an in-memory duplex stream. When <paramref name="handler"/> returns, the connection is closed.
    /// </summary>
    /// <param name="caseId">The case, e.g. "2.2".</param>
    /// <param name="handler">Serves one connection, e.g. an echo loop; the same code an ASP.NET Core endpoint runs after <c>AcceptWebSocketAsync</c>.</param>
    /// <param name="options">Timers and agent name; wstest's defaults when null. The agent defaults to "InMemory".</param>
    /// <param name="cancellationToken">Cancels the case.</param>
    public static Task<CaseResult> RunCaseAsync(
        string caseId,
        Func<System.Net.WebSockets.WebSocket, CancellationToken, Task> handler,
        FuzzingOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        options ??= FuzzingOptions.Default;
        if (options.Agent is null) options = options with { Agent = "InMemory" };
        return RunCaseAsync(
            caseId,
            new Uri("ws://in-memory/"),
            token => Task.FromResult(InMemoryServer.Start(handler, options.InMemoryPermessageDeflate, token)),
            options,
            cancellationToken);
    }

    /// <summary>
    /// Runs one case against a client-side <see cref="System.Net.WebSockets.WebSocket"/> handler in memory, with no
    /// socket: the fuzzer plays wstest's fuzzingserver, the handler gets a client WebSocket made by
    /// <see cref="System.Net.WebSockets.WebSocket.CreateFromStream(Stream, System.Net.WebSockets.WebSocketCreationOptions)"/>
    /// over an in-memory duplex stream once the opening handshake is done, and echoes. When <paramref name="client"/>
    /// returns, the connection is closed.
    /// </summary>
    /// <param name="caseId">The case, e.g. "2.2".</param>
    /// <param name="client">Runs the client's side of one connection, e.g. an echo loop over <c>ReceiveAsync</c>/<c>SendAsync</c>.</param>
    /// <param name="options">
    /// Timers and agent name; wstest's defaults when null. The agent defaults to "InMemoryClient".
    /// <see cref="FuzzingOptions.InMemoryPermessageDeflate"/> makes the client offer permessage-deflate, so 12.x/13.x negotiate.
    /// </param>
    /// <param name="cancellationToken">Cancels the case.</param>
    /// <exception cref="ArgumentException">The case id is unknown.</exception>
    public static async Task<CaseResult> RunClientCaseAsync(
        string caseId,
        Func<System.Net.WebSockets.WebSocket, CancellationToken, Task> client,
        FuzzingOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var definition = Definition(caseId);
        options ??= FuzzingOptions.Default;
        var agent = options.Agent ?? "InMemoryClient";
        var url = new Uri($"ws://in-memory/runCase?casetuple={definition.Id.Text}&agent={Uri.EscapeDataString(agent)}");
        using var core = new CaseCore(definition, FuzzerRole.Server, url, options, () => RandomNumberGenerator.GetBytes(4), handshakeKey: "");
        await ConnectionDriver.RunAsync(
            core,
            token => Task.FromResult(InMemoryClient.Start(url, client, options.InMemoryPermessageDeflate, token)),
            TimeProvider.System,
            cancellationToken).ConfigureAwait(false);
        return Conclude(definition, core.Transcript(), agent, CaseCatalog.IndexOf(definition.Id));
    }

    internal static async Task<CaseResult> RunCaseAsync(
        string caseId,
        Uri serverUrl,
        Func<CancellationToken, Task<Stream>> connect,
        FuzzingOptions options,
        CancellationToken cancellationToken,
        TimeProvider? time = null,
        Func<byte[]>? newMaskKey = null,
        string? handshakeKey = null,
        Func<Stream, CancellationToken, Task<Stream>>? secure = null)
    {
        var definition = Definition(caseId);
        var id = definition.Id;
        using var core = new CaseCore(
            definition,
            FuzzerRole.Client,
            serverUrl,
            options,
            newMaskKey ?? (() => RandomNumberGenerator.GetBytes(4)),
            handshakeKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
        await ConnectionDriver.RunAsync(core, connect, time ?? TimeProvider.System, cancellationToken, secure).ConfigureAwait(false);
        var transcript = core.Transcript();
        return Conclude(definition, transcript, options.Agent ?? transcript.ServerHeader ?? "UnknownServer", CaseCatalog.IndexOf(id));
    }

    /// <summary>A finished case's result: its transcript judged as wstest judges it (<c>case/case.py</c> <c>onConnectionLost</c>).</summary>
    /// <param name="definition">The case.</param>
    /// <param name="transcript">What its connection observed.</param>
    /// <param name="agent">The agent the result is reported under.</param>
    /// <param name="index">wstest's JSON field <c>case</c>: the index in the full list (fuzzingclient) or the client's N (fuzzingserver).</param>
    internal static CaseResult Conclude(CaseDefinition definition, CaseTranscript transcript, string agent, int index) => new()
    {
        Id = definition.Id,
        Text = CaseTexts.Get(definition.Id),
        Index = index,
        Agent = agent,
        Expected = definition.Expected,
        ExpectedClose = definition.ExpectedClose,
        Transcript = transcript,
        Verdict = CaseJudge.Judge(definition, transcript),
    };

    private static CaseDefinition Definition(string caseId)
    {
        if (!CaseId.TryParse(caseId, out var id)) throw new ArgumentException($"'{caseId}' is not an Autobahn case id (e.g. 2.2 or 6.4.3).", nameof(caseId));
        return CaseCatalog.TryGet(id, out var definition) ? definition : throw new ArgumentException($"Case {caseId} is not in the catalog.", nameof(caseId));
    }
}
