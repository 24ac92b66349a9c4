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
        if (!CaseId.TryParse(caseId, out var id)) throw new ArgumentException($"'{caseId}' is not an Autobahn case id (e.g. 2.2 or 6.4.3).", nameof(caseId));
        if (!CaseCatalog.TryGet(id, out var definition)) throw new ArgumentException($"Case {caseId} is not in the catalog.", nameof(caseId));

        using var core = new CaseCore(
            definition,
            FuzzerRole.Client,
            serverUrl,
            options,
            newMaskKey ?? (() => RandomNumberGenerator.GetBytes(4)),
            handshakeKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
        await ConnectionDriver.RunAsync(core, connect, time ?? TimeProvider.System, cancellationToken, secure).ConfigureAwait(false);
        var transcript = core.Transcript();
        return new CaseResult
        {
            Id = id,
            Text = CaseTexts.Get(id),
            Index = CaseCatalog.IndexOf(id),
            Agent = options.Agent ?? transcript.ServerHeader ?? "UnknownServer",
            Expected = definition.Expected,
            ExpectedClose = definition.ExpectedClose,
            Transcript = transcript,
            Verdict = CaseJudge.Judge(definition, transcript),
        };
    }
}
