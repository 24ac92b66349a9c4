using System.Net.WebSockets;

namespace Autobahn.Samples.EchoServer;

/// <summary>
/// An ASP.NET Core app that accepts a WebSocket on <c>/</c> and echoes every message back, text as text and binary
/// as binary — the server the Autobahn fuzzingclient expects (<c>wstest -m echoserver</c> does the same).
/// </summary>
public static class EchoApp
{
    /// <summary>The largest message echoed: section 9 sends up to 16 MiB.</summary>
    public const int MaxMessageSize = 16 * 1024 * 1024 + 1024;

    /// <summary>
    /// Builds the app. Listening URLs come from <paramref name="args"/> (<c>--urls</c>) or the usual configuration;
    /// <c>--deflate</c> among them turns on <paramref name="permessageDeflate"/>.
    /// </summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="permessageDeflate">Accept permessage-deflate (RFC 7692), so that Autobahn's sections 12 and 13 run.</param>
    public static WebApplication Build(string[] args, bool permessageDeflate = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        permessageDeflate |= args.Contains("--deflate");
        var builder = WebApplication.CreateBuilder(args.Where(a => a != "--deflate").ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        Map(app, permessageDeflate);
        return app;
    }

    /// <summary>Adds the WebSocket middleware and the echo endpoint on <c>/</c> to an app.</summary>
    /// <param name="app">The app.</param>
    /// <param name="permessageDeflate">
    /// Accept permessage-deflate when the client offers it (<c>DangerousEnableCompression</c>); off by default, as in
    /// ASP.NET Core, and then Autobahn reports 12.x/13.x as UNIMPLEMENTED.
    /// </param>
    public static void Map(WebApplication app, bool permessageDeflate = false)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Close handling is the fuzzer's business: keep-alive pings would add pongs the cases do not expect.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Map("/", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("WebSocket echo server: connect with ws://", context.RequestAborted);
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { DangerousEnableCompression = permessageDeflate });
            await EchoAsync(socket, context.RequestAborted);
        });
    }

    /// <summary>
    /// Echoes whole messages until the peer closes. Whole, not frame by frame: a message is sent back only once it has
    /// been received completely, so a text message that turns out to be invalid UTF-8 is never half echoed.
    /// </summary>
    public static async Task EchoAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length)
                    {
                        if (buffer.Length >= MaxMessageSize)
                        {
                            await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", cancellationToken);
                            return;
                        }

                        Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxMessageSize));
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        // Answer with the code received (RFC 6455 5.5.1); a close without a code is answered without one.
                        await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.Empty, null, cancellationToken);
                        return;
                    }

                    count += result.Count;
                }
                while (!result.EndOfMessage);

                await socket.SendAsync(buffer.AsMemory(0, count), result.MessageType, endOfMessage: true, cancellationToken);
            }
        }
        catch (WebSocketException)
        {
            // The peer broke the protocol (the managed WebSocket has already sent its close frame) or vanished.
        }
        catch (OperationCanceledException)
        {
            // The connection was aborted.
        }
    }
}
