using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests.Servers;

/// <summary>
/// A <c>wss://</c> echo server on 127.0.0.1 without a web host: <see cref="SslStream"/> terminates TLS with the given
/// certificate, and the engine's in-memory WebSocket server echoes behind it. It records the SNI name of every TLS
/// handshake (empty when the client sent none) and how many handshakes failed.
/// </summary>
internal sealed class TlsEchoServer : IAsyncDisposable
{
    private readonly X509Certificate2 certificate;
    private readonly TimeSpan handshakeDelay;
    private readonly LoopbackListener listener;
    private int failedHandshakes;

    private TlsEchoServer(X509Certificate2 certificate, TimeSpan handshakeDelay)
    {
        this.certificate = certificate;
        this.handshakeDelay = handshakeDelay;
        listener = new LoopbackListener("TLS echo server", ServeAsync);
        Url = new UriBuilder(listener.Url) { Scheme = "wss" }.Uri;
    }

    /// <summary>The server's URL, <c>wss://127.0.0.1:port/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The SNI host name of each TLS handshake, in order; empty when the client sent none.</summary>
    public ConcurrentQueue<string> ServerNames { get; } = new();

    /// <summary>How many TCP connections the server accepted.</summary>
    public int AcceptedConnections => listener.AcceptedConnections;

    /// <summary>TLS handshakes that did not complete (the client rejected the certificate, or went away).</summary>
    public int FailedHandshakes => Volatile.Read(ref failedHandshakes);

    /// <summary>Starts the server; <paramref name="handshakeDelay"/> holds every connection that long before its TLS handshake.</summary>
    public static TlsEchoServer Start(X509Certificate2 certificate, TimeSpan handshakeDelay = default) => new(certificate, handshakeDelay);

    public ValueTask DisposeAsync() => listener.DisposeAsync();

    private async Task ServeAsync(Socket socket, CancellationToken stopping)
    {
        await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            if (handshakeDelay > TimeSpan.Zero) await Task.Delay(handshakeDelay, stopping);
            await tls.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions
                {
                    ServerCertificateSelectionCallback = (_, name) =>
                    {
                        ServerNames.Enqueue(name ?? string.Empty);
                        return certificate;
                    },
                },
                stopping);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            Interlocked.Increment(ref failedHandshakes);
            return;
        }

        // The WebSocket side runs in memory; this relays its octets to and from the TLS stream.
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        await using var backend = InMemoryServer.Start(EchoAsync, acceptDeflate: false, closed.Token);
        var up = RelayAsync(tls, backend, closed.Token);
        var down = RelayAsync(backend, tls, closed.Token);
        await Task.WhenAny(up, down);
        await closed.CancelAsync();
        await Task.WhenAll(up, down);
    }

    /// <summary>Copies until either side ends; then closes the destination, as a TCP proxy passes a FIN on.</summary>
    private static async Task RelayAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int count;
            while ((count = await from.ReadAsync(buffer, cancellationToken)) > 0) await to.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // One side went away; the other relay ends with it.
        }
    }

    /// <summary>The echo behind the TLS: whole messages back with their type; the close code answered with itself.</summary>
    public static async Task EchoAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.Empty, null, cancellationToken);
                        return;
                    }

                    count += result.Count;
                }
                while (!result.EndOfMessage);
                await socket.SendAsync(buffer.AsMemory(0, count), result.MessageType, true, cancellationToken);
            }
        }
        catch (WebSocketException)
        {
            // The managed WebSocket has already sent its close (1002/1007) for the protocol error.
        }
    }
}
