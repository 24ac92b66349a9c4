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
    private const int MaxRequestLength = 16 * 1024;

    public static Stream Start(Func<WebSocket, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        var (client, server) = InMemoryDuplexStream.CreatePair();
        _ = Task.Run(() => ServeAsync(server, handler, cancellationToken), CancellationToken.None);
        return client;
    }

    private static async Task ServeAsync(Stream stream, Func<WebSocket, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        await using var _ = stream.ConfigureAwait(false);

        // The handler's token also fires when the fuzzer closes its end (its case ended), as ASP.NET Core's
        // RequestAborted does when a client goes away: a handler must not outlive its case.
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ((InMemoryDuplexStream)stream).PeerClosed);
        cancellationToken = aborted.Token;
        try
        {
            var key = await ReadHandshakeKeyAsync(stream, cancellationToken).ConfigureAwait(false);
            if (key is null) return;
            var response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + $"Sec-WebSocket-Accept: {HandshakeRequest.ExpectedAccept(key)}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response), cancellationToken).ConfigureAwait(false);
            using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
            await handler(socket, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection went away under the handler, as it does when a real client disconnects.
        }
    }

    private static async Task<string?> ReadHandshakeKeyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var request = new List<byte>();
        var one = new byte[1];

        // Byte by byte, so nothing after the request's empty line is consumed before the WebSocket reads it.
        while (request.Count < MaxRequestLength)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0) return null;
            request.Add(one[0]);
            if (request.Count >= 4 && request[^4] == '\r' && request[^3] == '\n' && request[^2] == '\r' && request[^1] == '\n') break;
        }

        foreach (var line in Encoding.ASCII.GetString([.. request]).Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase)) return line[(colon + 1)..].Trim();
        }

        return null;
    }
}
