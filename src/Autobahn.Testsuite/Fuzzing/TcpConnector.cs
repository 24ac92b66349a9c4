using System.Net;
using System.Net.Sockets;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>Opens the TCP connection of a case (one fresh connection per case, <c>fuzzing.py</c>), with TCP_NODELAY as autobahn sets it.</summary>
internal static class TcpConnector
{
    public static async Task<Stream> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            EndPoint endPoint = IPAddress.TryParse(url.IdnHost, out var address)
                ? new IPEndPoint(address, url.Port)
                : new DnsEndPoint(url.IdnHost, url.Port);
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
