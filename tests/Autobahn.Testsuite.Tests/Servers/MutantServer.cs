namespace Autobahn.Testsuite.Tests.Servers;

/// <summary>
/// A loopback WebSocket echo server for tests (design.md, "Mutant servers"): real sockets on 127.0.0.1 and an
/// ephemeral port, our own server-side handshake and frame parsing on the Protocol helpers. Correct by default; one
/// <see cref="MutantOptions"/> property breaks one rule. Start one per test with <c>await using</c>: disposing stops
/// the listener and every connection it accepted, so no loop outlives the test.
/// </summary>
internal sealed class MutantServer : IAsyncDisposable
{
    private readonly LoopbackListener listener;
    private int served;

    private MutantServer(MutantOptions options)
    {
        Options = options;
        listener = new LoopbackListener(nameof(MutantServer), Serve);
    }

    /// <summary>The server's URL, <c>ws://127.0.0.1:port/</c>.</summary>
    public Uri Url => listener.Url;

    /// <summary>The defect of this server.</summary>
    public MutantOptions Options { get; }

    /// <summary>How many TCP connections the server accepted.</summary>
    public int AcceptedConnections => listener.AcceptedConnections;

    /// <summary>Starts a server with the given defect (none by default).</summary>
    public static MutantServer Start(MutantOptions? options = null) => new(options ?? MutantOptions.Correct);

    /// <summary>Stops accepting, aborts every connection and waits for all loops to end.</summary>
    /// <exception cref="InvalidOperationException">A loop did not stop.</exception>
    /// <exception cref="AggregateException">The server itself had a bug (an unexpected exception in a connection).</exception>
    public ValueTask DisposeAsync() => listener.DisposeAsync();

    private Task Serve(System.Net.Sockets.Socket socket, CancellationToken stopping) =>
        Interlocked.Increment(ref served) > (Options.AnswersConnections ?? int.MaxValue)
            ? new HostileConnection(socket, stopping).ReadUntilClientClosesAsync() // hung: reads, never answers
            : new MutantConnection(socket, Options, listener.ReportBug, stopping).RunAsync();
}
