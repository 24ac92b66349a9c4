using System.Net.WebSockets;
using System.Text;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// Runs a server-side <see cref="WebSocket"/> handler with no socket at all: answers the fuzzer's opening handshake
/// (RFC 6455 §4.2.2) on an in-memory stream, then hands <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>
/// to the handler. When the handler returns, the stream is closed, which the fuzzer sees as the server dropping TCP.
/// When the fuzzer closes its end, the handler's token is cancelled and its writes fail.
/// </summary>
internal static class InMemoryServer
{

    public static Stream Start(Func<WebSocket, CancellationToken, Task> handler, bool acceptDeflate, CancellationToken cancellationToken)
    {
        var (client, server) = InMemoryDuplexStream.CreatePair();
        _ = Task.Run(() => ServeAsync(server, handler, acceptDeflate, cancellationToken), CancellationToken.None);
        return client;
    }

    private static async Task ServeAsync(Stream stream, Func<WebSocket, CancellationToken, Task> handler, bool acceptDeflate, CancellationToken cancellationToken)
    {
        await using var _ = stream.ConfigureAwait(false);

        // The handler's token also fires when the fuzzer closes its end (its case ended), as ASP.NET Core's
        // RequestAborted does when a client goes away: a handler must not outlive its case.
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ((InMemoryDuplexStream)stream).PeerClosed);
        cancellationToken = aborted.Token;
        try
        {
            var request = await InMemoryHead.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (request is null || !request.TryGetValue("sec-websocket-key", out var key)) return;
            var (deflate, extensionResponse) = acceptDeflate && request.TryGetValue("sec-websocket-extensions", out var offers)
                ? AcceptDeflate(offers)
                : (null, null);
            var response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + $"Sec-WebSocket-Accept: {HandshakeRequest.ExpectedAccept(key)}\r\n"
                + (extensionResponse is null ? "" : $"Sec-WebSocket-Extensions: {extensionResponse}\r\n")
                + "\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response), cancellationToken).ConfigureAwait(false);
            using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero, DangerousDeflateOptions = deflate });
            await handler(socket, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection went away under the handler, as it does when a real client disconnects.
        }
    }

    /// <summary>
    /// Accepts the first permessage-deflate offer the managed WebSocket can honour (RFC 7692 §5), answering each
    /// parameter the client asked for, as ASP.NET Core does with <c>DangerousEnableCompression</c>.
    /// </summary>
    private static (WebSocketDeflateOptions?, string?) AcceptDeflate(string offers)
    {
        foreach (var (name, parameters) in ExtensionHeader.Parse(offers))
        {
            if (name != "permessage-deflate") continue;
            var options = new WebSocketDeflateOptions();
            var response = "permessage-deflate";
            var acceptable = true;
            foreach (var (parameter, value) in parameters)
            {
                switch (parameter)
                {
                    case "client_no_context_takeover":
                        options.ClientContextTakeover = false;
                        response += "; client_no_context_takeover";
                        break;
                    case "server_no_context_takeover":
                        options.ServerContextTakeover = false;
                        response += "; server_no_context_takeover";
                        break;
                    case "server_max_window_bits" when int.TryParse(value, out var bits) && bits is >= 9 and <= 15:
                        options.ServerMaxWindowBits = bits;
                        response += $"; server_max_window_bits={bits}";
                        break;
                    case "client_max_window_bits" when value is null:
                        break;
                    default:
                        acceptable = false;
                        break;
                }
            }

            if (acceptable) return (options, response);
        }

        return (null, null);
    }
}
