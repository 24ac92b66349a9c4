using System.Net.WebSockets;

namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>Server-side WebSocket handlers run in memory by the subjects.</summary>
internal static class Handlers
{
    /// <summary>Reads every message and never echoes one; answers the close: cases that expect an echo are FAILED.</summary>
    public static async Task SilentAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
            }
        }
    }
}
