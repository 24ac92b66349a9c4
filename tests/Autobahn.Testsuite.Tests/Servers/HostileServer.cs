using System.Collections.Concurrent;
using System.Net;
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
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly Func<HostileConnection, Task> script;
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<HostileConnection> all = new();
    private readonly ConcurrentQueue<Task> connections = new();
    private readonly ConcurrentQueue<Exception> bugs = new();
    private readonly Task acceptLoop;
    private int accepted;
    private int ended;

    static HostileServer()
    {
        // As in MutantServer: the test host blocks pool threads, and scaled timers race server replies.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), Math.Max(completionPorts, 16));
    }

    private HostileServer(Func<HostileConnection, Task> script)
    {
        this.script = script;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Url = new Uri($"ws://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The server's URL, <c>ws://127.0.0.1:port/</c>.</summary>
    public Uri Url { get; }

    /// <summary>How many TCP connections the server accepted.</summary>
    public int AcceptedConnections => Volatile.Read(ref accepted);

    /// <summary>Accepted connections that the client has not closed or reset yet (and the server has not reset).</summary>
    public int OpenConnections => Volatile.Read(ref accepted) - Volatile.Read(ref ended);

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

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        var stopped = await Task.WhenAny(acceptLoop, Task.Delay(StopTimeout)).ConfigureAwait(false) == acceptLoop;
        foreach (var connection in all) connection.Socket.Dispose();
        var every = Task.WhenAll(connections);
        stopped &= await Task.WhenAny(every, Task.Delay(StopTimeout)).ConfigureAwait(false) == every;
        if (!stopped) throw new InvalidOperationException($"HostileServer {Url} did not stop within {StopTimeout}.");
        stopping.Dispose();
        if (!bugs.IsEmpty) throw new AggregateException("HostileServer script failed.", bugs);
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            Interlocked.Increment(ref accepted);
            var connection = new HostileConnection(socket, stopping.Token);
            all.Enqueue(connection);
            connections.Enqueue(Task.Run(() => ServeAsync(connection)));
        }
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
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            bugs.Enqueue(e);
        }
        finally
        {
            if (connection.IsReset || connection.ClientGone) Interlocked.Increment(ref ended);
            connection.Socket.Dispose();
        }
    }
}
