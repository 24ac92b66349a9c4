using System.Security.Cryptography;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Control;

/// <summary>
/// <see cref="FuzzingServer.RunClientCaseAsync"/>: hands the client its case URL, waits for its <c>/runCase</c>
/// connection and then for the case's result. A client that never connects fails fast with a reason instead of
/// leaving the caller waiting.
/// </summary>
internal static class ClientCaseRun
{
    /// <summary>How long a finished case waits for the client delegate to return before leaving it behind.</summary>
    private static readonly TimeSpan ClientExitGrace = TimeSpan.FromSeconds(2);

    /// <summary>How often a client that returned is checked for a connection still on its way in.</summary>
    private static readonly TimeSpan RoutingPoll = TimeSpan.FromMilliseconds(10);

    public static async Task<CaseResult> RunAsync(
        FuzzingServer server,
        CaseId id,
        string agent,
        FuzzingOptions options,
        Func<Uri, CancellationToken, Task> client,
        CancellationToken cancellationToken)
    {
        var claim = await server.Claims.RegisterAsync(agent, id, options, cancellationToken).ConfigureAwait(false);
        try
        {
            var url = server.CaseUrl(id.Text, agent);
            using var clientToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, server.StoppingToken);
            var running = Task.Run(() => client(url, clientToken.Token), CancellationToken.None);
            var failure = await WaitForConnectionAsync(server, claim, running, url, options, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                await clientToken.CancelAsync().ConfigureAwait(false);
                _ = running.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed: a client that never connected is abandoned
                return NotConnected(id, agent, url, options, failure);
            }

            var result = await claim.Result.WaitAsync(cancellationToken).ConfigureAwait(false);

            // The case is over: the client's token says so, and a client that does not return is left behind.
            await clientToken.CancelAsync().ConfigureAwait(false);
            await running.WaitAsync(ClientExitGrace, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
            return result;
        }
        finally
        {
            server.Claims.Release(claim);
        }
    }

    /// <summary>Null once the client's request arrived; otherwise why it never will.</summary>
    private static async Task<string?> WaitForConnectionAsync(
        FuzzingServer server,
        CaseClaim claim,
        Task running,
        Uri url,
        FuzzingOptions options,
        CancellationToken cancellationToken)
    {
        var timeout = options.Scale(options.OpenHandshakeTimeout);
        var time = server.Options.Time;
        var registered = time.GetTimestamp();
        var expired = Task.Delay(timeout, time, cancellationToken);
        await Task.WhenAny(claim.Connected, running, expired, server.Stopped).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        // The client may return as soon as it has sent its request: a connection still being read may be its own.
        while (!claim.Connected.IsCompleted && running.IsCompleted && server.IsRouting && !expired.IsCompleted)
        {
            await Task.WhenAny(claim.Connected, Task.Delay(RoutingPoll, time, cancellationToken)).ConfigureAwait(false);
        }

        if (claim.Connected.IsCompleted) return null;
        if (server.Stopped.IsCompleted) return $"the fuzzing server stopped before the client connected to {url}";
        var seconds = $"{timeout.TotalSeconds:0.###} s";
        var reason = running switch
        {
            { IsFaulted: true } => $"the client failed before it connected to {url}: {running.Exception!.GetBaseException().Message}",
            { IsCanceled: true } => $"the client was cancelled before it connected to {url}",
            { IsCompleted: true } => $"the client returned without connecting to {url}",
            _ when server.IsRouting => $"a client connected but sent no complete opening handshake request for {url} within {seconds}",
            _ => $"the client did not connect to {url} within {seconds}",
        };

        // A request the server turned away meanwhile is most likely the client's own.
        return server.RefusalSince(registered) is { } refusal ? $"{reason}; the server refused a request meanwhile with {refusal}" : reason;
    }

    /// <summary>A FAILED result for a case the client never opened; reports leave it out, as wstest records nothing.</summary>
    private static CaseResult NotConnected(CaseId id, string agent, Uri url, FuzzingOptions options, string failure)
    {
        var definition = CaseCatalog.Get(id);
        using var core = new CaseCore(definition, FuzzerRole.Server, url, options, () => RandomNumberGenerator.GetBytes(4), handshakeKey: "");
        core.FailToConnect(failure);
        return Fuzzer.Conclude(definition, core.Transcript(), agent, CaseCatalog.IndexOf(id));
    }
}
