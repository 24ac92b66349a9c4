using System.Net.WebSockets;

namespace Autobahn.Samples.Client;

/// <summary>
/// The client under test of the samples, and the shape of any client's Autobahn testee: connect, echo every text and
/// binary message with its type until the server closes, answer the close.
/// </summary>
public static class EchoClient
{
    /// <summary>Connects with <see cref="ClientWebSocket"/> (no permessage-deflate offer) and echoes.</summary>
    public static Task ConnectAndEchoAsync(Uri url, CancellationToken cancellationToken) => ConnectAndEchoAsync(url, deflate: false, cancellationToken);

    /// <summary>
    /// Connects with <see cref="ClientWebSocket"/> and echoes. With <paramref name="deflate"/> it offers
    /// permessage-deflate (<see cref="ClientWebSocketOptions.DangerousDeflateOptions"/>), so sections 12 and 13 negotiate.
    /// </summary>
    public static async Task ConnectAndEchoAsync(Uri url, bool deflate, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (deflate) socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        await socket.ConnectAsync(url, cancellationToken);
        await EchoAsync(socket, cancellationToken);
    }

    /// <summary>The echo loop over a connected client <see cref="WebSocket"/>.</summary>
    public static async Task EchoAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(received.CloseStatus ?? WebSocketCloseStatus.Empty, received.CloseStatusDescription, cancellationToken);
                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage) continue;
                await socket.SendAsync(message.ToArray(), received.MessageType, endOfMessage: true, cancellationToken);
                message.SetLength(0);
            }
        }
        catch (WebSocketException)
        {
            // ClientWebSocket fails the connection on invalid frames (bad UTF-8, reserved opcodes, ...), as it should;
            // the verdict judges what reached the wire.
        }
    }
}
