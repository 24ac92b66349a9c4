using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Autobahn.Testsuite.Tests.Servers;

/// <summary>
/// What <see cref="MutantServer"/> and <see cref="HostileServer"/> share: a TCP listener on 127.0.0.1 and an ephemeral
/// port that hands every accepted socket to <c>serve</c> on its own task, collects the server's own bugs, and on
/// dispose stops accepting, closes every socket and waits for every connection, so no loop outlives the test.
/// </summary>
internal sealed class LoopbackListener : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly string name;
    private readonly Func<Socket, CancellationToken, Task> serve;
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<Socket> sockets = new();
    private readonly ConcurrentQueue<Task> connections = new();
    private readonly ConcurrentQueue<Exception> bugs = new();
    private readonly Task acceptLoop;
    private int accepted;

    static LoopbackListener()
    {
        // The test host blocks pool threads: on a 2-core machine (minimum 2 workers) queued timer callbacks and socket
        // completions then wait 0.5–0.9 s for the pool to inject a thread, which is longer than the scaled timers the
        // server tests race against (fuzzer timers vs. server replies). More idle workers keep those races honest.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), Math.Max(completionPorts, 16));
    }

    /// <summary>Starts listening; <paramref name="serve"/> runs once per accepted socket.</summary>
    public LoopbackListener(string name, Func<Socket, CancellationToken, Task> serve)
    {
        this.name = name;
        this.serve = serve;
        listener.Start();
        Url = new Uri($"ws://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The server's URL, <c>ws://127.0.0.1:port/</c>.</summary>
    public Uri Url { get; }

    /// <summary>How many TCP connections were accepted.</summary>
    public int AcceptedConnections => Volatile.Read(ref accepted);

    /// <summary>Cancelled when the server stops.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>Records an unexpected exception of the server itself; dispose then throws it.</summary>
    public void ReportBug(Exception bug) => bugs.Enqueue(bug);

    /// <summary>Stops accepting, aborts every connection and waits for all loops to end.</summary>
    /// <exception cref="InvalidOperationException">A loop did not stop.</exception>
    /// <exception cref="AggregateException">The server itself had a bug.</exception>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        var stopped = await Task.WhenAny(acceptLoop, Task.Delay(StopTimeout)).ConfigureAwait(false) == acceptLoop;

        // Only now is the list of connections final.
        foreach (var socket in sockets) socket.Dispose();
        var all = Task.WhenAll(connections);
        stopped &= await Task.WhenAny(all, Task.Delay(StopTimeout)).ConfigureAwait(false) == all;
        if (!stopped) throw new InvalidOperationException($"{name} {Url} did not stop within {StopTimeout}.");
        stopping.Dispose();
        if (!bugs.IsEmpty) throw new AggregateException($"{name} failed.", bugs);
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
            var token = stopping.Token;
            connections.Enqueue(Task.Run(() => serve(socket, token)));
        }
    }
}
