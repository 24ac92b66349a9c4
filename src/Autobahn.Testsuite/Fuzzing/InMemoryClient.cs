using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// Runs a client-side <see cref="WebSocket"/> handler with no socket at all: sends the opening handshake request
/// (RFC 6455 §4.1) on an in-memory stream, checks the fuzzer's 101, then hands
/// <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/> with <c>IsServer = false</c> to the
/// handler. When the handler returns, the stream is closed, which the fuzzer sees as the client dropping TCP. When the
/// fuzzer closes its end, the handler's token is cancelled and its writes fail.
/// </summary>
internal static class InMemoryClient
{

    /// <summary>What .NET's <c>ClientWebSocket</c> offers with a default <see cref="WebSocketDeflateOptions"/>.</summary>
    private const string DeflateOffer = "permessage-deflate; client_max_window_bits";

    public static Stream Start(Uri url, Func<WebSocket, CancellationToken, Task> handler, bool offerDeflate, CancellationToken cancellationToken)
    {
        var (fuzzer, client) = InMemoryDuplexStream.CreatePair();
        _ = Task.Run(() => RunAsync(client, url, handler, offerDeflate, cancellationToken), CancellationToken.None);
        return fuzzer;
    }

    private static async Task RunAsync(InMemoryDuplexStream stream, Uri url, Func<WebSocket, CancellationToken, Task> handler, bool offerDeflate, CancellationToken cancellationToken)
    {
        await using var _ = stream.ConfigureAwait(false);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stream.PeerClosed);
        cancellationToken = aborted.Token;
        try
        {
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var request = Request(url, key, offerDeflate);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken).ConfigureAwait(false);
            var headers = await InMemoryHead.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (headers is null || headers.GetValueOrDefault(":status") != "101") return;
            if (headers.GetValueOrDefault("sec-websocket-accept") != HandshakeRequest.ExpectedAccept(key)) return;
            var deflate = headers.TryGetValue("sec-websocket-extensions", out var accepted) ? DeflateOptions(accepted) : null;
            using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero, DangerousDeflateOptions = deflate });
            await handler(socket, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection went away under the handler, as it does when a real server disconnects.
        }
    }

    /// <summary>An upgrade request as a plain WebSocket client sends it (RFC 6455 §4.1), no <c>User-Agent</c>.</summary>
    private static string Request(Uri url, string key, bool offerDeflate) =>
        $"GET {url.PathAndQuery} HTTP/1.1\r\n"
        + $"Host: {url.Authority}\r\n"
        + "Connection: Upgrade\r\n"
        + "Upgrade: websocket\r\n"
        + "Sec-WebSocket-Version: 13\r\n"
        + $"Sec-WebSocket-Key: {key}\r\n"
        + (offerDeflate ? $"Sec-WebSocket-Extensions: {DeflateOffer}\r\n" : "")
        + "\r\n";

    /// <summary>The managed WebSocket's settings for the fuzzer's permessage-deflate response (RFC 7692 §7.1).</summary>
    private static WebSocketDeflateOptions DeflateOptions(string response)
    {
        var options = new WebSocketDeflateOptions();
        foreach (var (_, parameters) in ExtensionHeader.Parse(response).Take(1))
        {
            foreach (var (name, value) in parameters)
            {
                switch (name)
                {
                    case "client_no_context_takeover":
                        options.ClientContextTakeover = false;
                        break;
                    case "server_no_context_takeover":
                        options.ServerContextTakeover = false;
                        break;
                    case "client_max_window_bits" when int.TryParse(value, out var bits):
                        options.ClientMaxWindowBits = bits;
                        break;
                    case "server_max_window_bits" when int.TryParse(value, out var bits):
                        options.ServerMaxWindowBits = bits;
                        break;
                }
            }
        }

        return options;
    }
}
