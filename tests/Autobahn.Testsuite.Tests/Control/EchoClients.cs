using System.Net.WebSockets;
using System.Text;

namespace Autobahn.Testsuite.Tests.Control;

/// <summary>The testee a client project writes for wstest's fuzzingserver, on .NET's <see cref="ClientWebSocket"/>.</summary>
internal static class EchoClients
{
    /// <summary>Connects, echoes every message with its type until the server closes, answers the close.</summary>
    public static async Task EchoAsync(Uri url, bool deflate, CancellationToken cancellationToken, System.Security.Cryptography.X509Certificates.X509Certificate2? trusted = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;

        // Trusts exactly the fuzzing server's generated certificate, nothing else (a wss:// fuzzing server).
        if (trusted is not null) socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == trusted.GetCertHashString();
        if (deflate) socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        await socket.ConnectAsync(url, cancellationToken);
        await EchoAsync(socket, cancellationToken);
    }

    /// <summary>The echo loop over any client WebSocket (also the in-memory one).</summary>
    public static async Task EchoAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
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
                await socket.SendAsync(message.ToArray(), received.MessageType, true, cancellationToken);
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            // The fuzzer sent something invalid and the client gave up: that is for the verdict to judge.
        }
    }

    /// <summary>Connects to a control endpoint and returns its messages and the close status it ended with.</summary>
    public static async Task<(List<string> Messages, WebSocketCloseStatus? Close)> ReadControlAsync(Uri url, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, cancellationToken);
        var messages = new List<string>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return (messages, received.CloseStatus);
            }

            messages.Add(Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
    }
}
