using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Autobahn.Samples.HttpListener;

/// <summary>
/// A WebSocket echo server on <see cref="System.Net.HttpListener"/>, bound to <c>http://127.0.0.1:{free port}/</c> when
/// constructed and stopped when disposed, so a test class can take it as an <c>IClassFixture</c>. No ASP.NET Core: on
/// Windows this is HTTP.sys (the <c>Microsoft-HTTPAPI/2.0</c> server of wstest's reports), elsewhere .NET's managed
/// listener. Every connection is served by <see cref="EchoAsync"/>.
/// </summary>
public sealed class HttpListenerEchoServer : IDisposable
{
    private readonly System.Net.HttpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task acceptLoop;

    /// <summary>Starts the server on a free loopback port.</summary>
    public HttpListenerEchoServer()
        : this(port: 0)
    {
    }

    // One public constructor: xUnit creates class fixtures through it.
    private HttpListenerEchoServer(int port)
    {
        listener = port == 0 ? StartOnFreePort() : Start(port);
        var prefix = listener.Prefixes.Single();
        Url = new UriBuilder(prefix) { Scheme = "ws" }.Uri;
        acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Starts the server on a given loopback port, e.g. to run it on its own (see Program.cs).</summary>
    public static HttpListenerEchoServer OnPort(int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        return new HttpListenerEchoServer(port);
    }

    /// <summary>The WebSocket URL, e.g. <c>ws://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>
    /// Echoes every message back as it arrives, fragment by fragment (text as text, binary as binary), until the peer
    /// closes; then answers the close with the peer's code. The loop of the reference HttpListener server that wstest
    /// was run against, so the verdicts are comparable: a text message with invalid UTF-8 in a later fragment has had
    /// its valid fragments echoed already (6.4.3 and 6.4.4 are NON-STRICT, which passes).
    /// </summary>
    public static async Task EchoAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var buffer = new byte[4096];
        try
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            while (result.MessageType != WebSocketMessageType.Close)
            {
                await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, cancellationToken);
                result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            }

            // Answer with the code received (RFC 6455 5.5.1); a close without a code is answered without one.
            await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.Empty, null, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The peer broke the protocol (the WebSocket has already sent its close frame) or vanished.
        }
    }

    /// <summary>Stops accepting and closes the listener.</summary>
    public void Dispose()
    {
        stopping.Cancel();
        listener.Close();
        try
        {
            acceptLoop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's exception; nothing to report on shutdown.
        }

        stopping.Dispose();
    }

    private static System.Net.HttpListener Start(int port)
    {
        var listener = new System.Net.HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        return listener;
    }

    // HttpListener cannot bind port 0: take a port the kernel says is free and retry if another process wins the race.
    private static System.Net.HttpListener StartOnFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            try
            {
                return Start(port);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            if (!context.Request.IsWebSocketRequest)
            {
                context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
                context.Response.Close();
                return;
            }

            // keepAliveInterval zero: keep-alive pings would add pongs the cases do not expect.
            var accepted = await context.AcceptWebSocketAsync(subProtocol: null, keepAliveInterval: TimeSpan.Zero);
            using var socket = accepted.WebSocket;
            await EchoAsync(socket, stopping.Token);
        }
        catch (Exception e) when (e is WebSocketException or HttpListenerException or IOException or ObjectDisposedException)
        {
            // A handshake the listener refused, or a connection that vanished: the case's verdict says what happened.
        }
    }
}
