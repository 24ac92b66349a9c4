using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Autobahn.Testsuite.Tests.Servers;

/// <summary>
/// A loopback WebSocket echo server for tests (design.md, "Mutant servers"): real sockets on 127.0.0.1 and an
/// ephemeral port, our own server-side handshake and frame parsing on the Protocol helpers. Correct by default; one
/// <see cref="MutantOptions"/> property breaks one rule. Start one per test with <c>await using</c>: disposing stops
/// the listener and every connection it accepted, so no loop outlives the test.
/// </summary>
internal sealed class MutantServer : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<Socket> sockets = new();
    private readonly ConcurrentQueue<Task> connections = new();
    private readonly ConcurrentQueue<Exception> bugs = new();
    private readonly Task acceptLoop;
    private int accepted;

    static MutantServer()
    {
        // The test host blocks pool threads: on a 2-core machine (minimum 2 workers) queued timer callbacks and socket
        // completions then wait 0.5–0.9 s for the pool to inject a thread, which is longer than the scaled timers the
        // mutant tests race against (fuzzer timers vs. server replies). More idle workers keep those races honest.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), Math.Max(completionPorts, 16));
    }

    private MutantServer(MutantOptions options)
    {
        Options = options;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Url = new Uri($"ws://127.0.0.1:{port}/");
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The server's URL, <c>ws://127.0.0.1:port/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The defect of this server.</summary>
    public MutantOptions Options { get; }

    /// <summary>How many TCP connections the server accepted.</summary>
    public int AcceptedConnections => Volatile.Read(ref accepted);

    /// <summary>Starts a server with the given defect (none by default).</summary>
    public static MutantServer Start(MutantOptions? options = null) => new(options ?? MutantOptions.Correct);

    /// <summary>Stops accepting, aborts every connection and waits for all loops to end.</summary>
    /// <exception cref="InvalidOperationException">The server itself had a bug (an unexpected exception in a connection), or a loop did not stop.</exception>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        var stopped = await Task.WhenAny(acceptLoop, Task.Delay(StopTimeout)).ConfigureAwait(false) == acceptLoop;

        // Only now is the list of connections final.
        foreach (var socket in sockets) socket.Dispose();
        var all = Task.WhenAll(connections);
        stopped &= await Task.WhenAny(all, Task.Delay(StopTimeout)).ConfigureAwait(false) == all;
        if (!stopped) throw new InvalidOperationException($"MutantServer {Url} did not stop within {StopTimeout}.");
        stopping.Dispose();
        if (!bugs.IsEmpty) throw new AggregateException("MutantServer failed.", bugs);
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
            sockets.Enqueue(socket);
            var connection = new MutantConnection(socket, Options, bugs.Enqueue, stopping.Token);
            connections.Enqueue(Task.Run(connection.RunAsync));
        }
    }
}
