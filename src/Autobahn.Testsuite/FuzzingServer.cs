using System.Net;
using System.Net.Sockets;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Control;

namespace Autobahn.Testsuite;

/// <summary>
/// wstest's fuzzingserver: a WebSocket server on 127.0.0.1 that runs Autobahn cases against the WebSocket clients that
/// connect to it, and speaks wstest's control protocol (<c>/getCaseCount</c>, <c>/getCaseInfo</c>,
/// <c>/getCaseStatus</c>, <c>/runCase</c>, <c>/updateReports</c>, <c>/stopServer</c>), so the testee loops client
/// projects already have run unchanged. From .NET, <see cref="RunClientCaseAsync"/> runs one case against a client
/// delegate and returns its result.
/// </summary>
public sealed class FuzzingServer : IAsyncDisposable
{
    private const string DefaultAgent = "Client";

    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private readonly HashSet<Task> connections = [];
    private readonly Task acceptLoop;
    private int routing;
    private (long At, string What)? lastRefusal;

    private FuzzingServer(FuzzingServerOptions options, IReadOnlyList<CaseId> cases)
    {
        Options = options;
        Cases = cases;
        listener = new TcpListener(IPAddress.Loopback, options.Port);
        listener.Start(512);
        Url = new Uri($"{(options.Certificate is null ? "ws" : "wss")}://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>A case ended (its connection is gone) and its result was recorded. Raised on a thread-pool thread.</summary>
    public event Action<CaseResult>? CaseFinished;

    /// <summary>The server's URL, <c>ws://127.0.0.1:port</c> (<c>wss://</c> with a <see cref="FuzzingServerOptions.Certificate"/>).</summary>
    public Uri Url { get; }

    /// <summary>The cases served, in wstest's order: <c>case=N</c> selects the N-th (1-based).</summary>
    public IReadOnlyList<CaseId> Cases { get; }

    /// <summary>Every result so far (the latest run of each agent and case), in the order the cases ended.</summary>
    public IReadOnlyList<CaseResult> Results => Store.All;

    /// <summary>Completes when the server has stopped: <c>/stopServer</c>, <c>/updateReports?...&amp;shutdownOnComplete=true</c>, or <see cref="DisposeAsync"/>.</summary>
    public Task Stopped => stopped.Task;

    internal FuzzingServerOptions Options { get; }

    internal ClientResults Store { get; } = new();

    internal CaseClaims Claims { get; } = new();

    internal CancellationToken StoppingToken => stopping.Token;

    /// <summary>Starts listening on 127.0.0.1 (<see cref="FuzzingServerOptions.Port"/>, a free port by default).</summary>
    /// <exception cref="ArgumentException">A case pattern matches no case of wstest's 517.</exception>
    /// <exception cref="SocketException">The port is taken.</exception>
    public static FuzzingServer Start(FuzzingServerOptions? options = null)
    {
        options ??= FuzzingServerOptions.Default;
        return new FuzzingServer(options, CaseSelection.Resolve(options.Cases, options.ExcludeCases));
    }

    /// <summary>The URL a client connects to for one case: <c>/runCase?casetuple=2.2&amp;agent=...</c>.</summary>
    public Uri CaseUrl(string caseId, string agent)
    {
        ArgumentException.ThrowIfNullOrEmpty(agent);
        var id = ServedCase(caseId);
        return new Uri(Url, $"/runCase?casetuple={id.Text}&agent={Uri.EscapeDataString(agent)}");
    }

    /// <summary>
    /// Runs one case against a WebSocket client: calls <paramref name="client"/> with the case's URL
    /// (<see cref="CaseUrl"/>), the client connects and echoes every message until the server closes, and the case's
    /// result comes back once its connection is gone. A client that returns or throws without connecting, or does not
    /// connect within the opening-handshake timeout, gets a FAILED result at once whose
    /// <see cref="Fuzzing.CaseTranscript.ConnectionFailure"/> says so. The client's own exceptions after it connected are
    /// ignored (failing the connection is often the right answer); only the verdict counts.
    /// </summary>
    /// <param name="caseId">The case, e.g. "2.2".</param>
    /// <param name="client">Connects to the URL it is given and echoes; its token is cancelled once the case is over.</param>
    /// <param name="options">Timers and agent (default "Client") for this case; the server's when null.</param>
    /// <param name="cancellationToken">Cancels the case.</param>
    /// <exception cref="ArgumentException">The case id is unknown or not served.</exception>
    public Task<CaseResult> RunClientCaseAsync(
        string caseId,
        Func<Uri, CancellationToken, Task> client,
        FuzzingOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = ServedCase(caseId);
        options ??= Options.Fuzzing;
        return ClientCaseRun.RunAsync(this, id, options.Agent ?? DefaultAgent, options, client, cancellationToken);
    }

    /// <summary>Writes the reports of every agent, as <c>/updateReports</c> does; the report directory, or null when none is set.</summary>
    public string? WriteReports()
    {
        if (Options.ReportsDirectory is null) return null;
        var writer = new ReportWriter(Options.ReportsDirectory);
        foreach (var result in Store.All.OrderBy(r => r.Agent, StringComparer.Ordinal).ThenBy(r => r.Id)) writer.Record(result);
        writer.Flush();
        return writer.Directory;
    }

    /// <summary>Stops listening, ends every open connection and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        Stop();
        await acceptLoop.ConfigureAwait(false);
        Task[] open;
        lock (gate) open = [.. connections];
        await Task.WhenAll(open).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    /// <summary>True while a connection's request head is being read or routed (it may be a case a caller waits for).</summary>
    internal bool IsRouting => Volatile.Read(ref routing) > 0;

    internal void Stop()
    {
        if (stopped.Task.IsCompleted) return;
        listener.Stop();
        stopping.Cancel();
        stopped.TrySetResult();
    }

    internal void Record(CaseResult result)
    {
        Store.Record(result);
        CaseFinished?.Invoke(result);
    }

    /// <summary>Remembers a request the server refused (HTTP error), for the message of a client that never got its case.</summary>
    internal void NoteRefusal(string what)
    {
        lock (gate) lastRefusal = (Options.Time.GetTimestamp(), what);
    }

    /// <summary>The last refusal since <paramref name="timestamp"/> (from <see cref="FuzzingServerOptions.Time"/>), or null.</summary>
    internal string? RefusalSince(long timestamp)
    {
        lock (gate) return lastRefusal is { } refusal && refusal.At >= timestamp ? refusal.What : null;
    }

    internal void EnterRouting() => Interlocked.Increment(ref routing);

    internal void LeaveRouting() => Interlocked.Decrement(ref routing);

    private CaseId ServedCase(string caseId)
    {
        if (!CaseId.TryParse(caseId, out var id)) throw new ArgumentException($"'{caseId}' is not an Autobahn case id (e.g. 2.2 or 6.4.3).", nameof(caseId));
        return Cases.Contains(id) ? id : throw new ArgumentException($"Case {caseId} is not served by this server (see its Cases).", nameof(caseId));
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
                break;
            }

            socket.NoDelay = true;
            var connection = Task.Run(() => new ServerConnection(this, socket).ServeAsync());
            lock (gate) connections.Add(connection);
            _ = connection.ContinueWith(done => { lock (gate) connections.Remove(done); }, TaskScheduler.Default);
        }
    }
}
