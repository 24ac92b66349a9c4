using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Autobahn.Testsuite.Tests.Servers;

/// <summary>
/// A loopback server on 127.0.0.1 and an ephemeral port that runs a script per accepted connection
/// (design.md, "Hostile servers"): where <see cref="MutantServer"/> is an echo server that breaks one rule,
/// this one does whatever the script says at the byte level — answer the upgrade or not, drip, flood, reset.
/// After the script returns the server keeps reading until the client closes (or resets), so it can tell whether
/// every connection it accepted was closed by the fuzzer: <see cref="OpenConnections"/> counts the others.
/// Dispose with <c>await using</c>: that stops the listener and every connection, and fails on a bug in a script.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly Func<HostileConnection, Task> script;
    private readonly LoopbackListener listener;
    private readonly ConcurrentQueue<HostileConnection> all = new();
    private int ended;

    private HostileServer(Func<HostileConnection, Task> script)
    {
        this.script = script;
        listener = new LoopbackListener(nameof(HostileServer), Serve);
    }

    /// <summary>The server's URL, <c>ws://127.0.0.1:port/</c>.</summary>
    public Uri Url => listener.Url;

    /// <summary>How many TCP connections the server accepted.</summary>
    public int AcceptedConnections => listener.AcceptedConnections;

    /// <summary>Accepted connections that the client has not closed or reset yet (and the server has not reset).</summary>
    public int OpenConnections => listener.AcceptedConnections - Volatile.Read(ref ended);

    /// <summary>The connections accepted so far, in order.</summary>
    public IReadOnlyList<HostileConnection> Connections => [.. all];

    /// <summary>Starts a server that runs <paramref name="script"/> on every connection it accepts.</summary>
    public static HostileServer Start(Func<HostileConnection, Task> script) => new(script);

    /// <summary>Waits until <see cref="OpenConnections"/> is zero; false if it is not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitUntilNoneOpenAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (OpenConnections > 0)
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(10).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Stops accepting, aborts every connection and waits for every script; throws a script's own bug.</summary>
    public ValueTask DisposeAsync() => listener.DisposeAsync();

    private Task Serve(Socket socket, CancellationToken stopping)
    {
        var connection = new HostileConnection(socket, stopping);
        all.Enqueue(connection);
        return ServeAsync(connection);
    }

    private async Task ServeAsync(HostileConnection connection)
    {
        try
        {
            await script(connection).ConfigureAwait(false);
            if (!connection.IsReset) await connection.ReadUntilClientClosesAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The client reset or closed the connection while the script was writing or reading.
            connection.MarkClientGone();
        }
        catch (OperationCanceledException) when (connection.Stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            listener.ReportBug(e);
        }
        finally
        {
            if (connection.IsReset || connection.ClientGone) Interlocked.Increment(ref ended);
            connection.Socket.Dispose();
        }
    }
}
