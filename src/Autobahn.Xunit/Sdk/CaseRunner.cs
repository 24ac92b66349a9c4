using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// What <see cref="AutobahnRunner"/> does, with its collaborators passed in so that it can be tested without a
/// server: run the case, record it in the report, and turn the verdict into a test outcome.
/// </summary>
internal sealed class CaseRunner(
    Func<string, Uri, FuzzingOptions?, CancellationToken, Task<CaseResult>> runCase,
    ReportWriter? report,
    ConnectFailureMemory connectFailures,
    UnansweredTargetMemory? unansweredTargets = null)
{
    private static readonly Lazy<CaseRunner> SharedRunner = new(() =>
    {
        ThreadPoolFloor.Ensure();
        return new CaseRunner(Fuzzer.RunCaseAsync, ProcessReport.Shared, ConnectFailureMemory.Shared, UnansweredTargetMemory.Shared);
    });

    private readonly UnansweredTargetMemory unanswered = unansweredTargets ?? new UnansweredTargetMemory(TimeProvider.System);

    /// <summary>
    /// The fuzzing server of this process for client rows: one listener on 127.0.0.1 (a free port) serving every case,
    /// started by the first client row. Each row's case runs with that row's options.
    /// </summary>
    private static readonly Lazy<FuzzingServer> ClientServer = new(() => FuzzingServer.Start());

    /// <summary>
    /// The runner of this process: the real fuzzer, the process-wide report and connect-failure memory. Its creation
    /// applies the host policy (<see cref="ThreadPoolFloor"/>) before the first case runs.
    /// </summary>
    public static CaseRunner Shared => SharedRunner.Value;

    /// <summary>Runs one case; throws <see cref="AutobahnCaseFailedException"/> when its verdict fails.</summary>
    public async Task<CaseResult> RunAsync(string caseId, Uri serverUrl, FuzzingOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentNullException.ThrowIfNull(serverUrl);

        options = EffectiveOptions(options);
        if (connectFailures.TryGetRecent(serverUrl, out var earlier))
        {
            throw new AutobahnCaseFailedException(CaseFailureMessage.NotRetried(earlier), result: null);
        }

        // Checked when the case starts (below), not here: a row whose case already ran ahead reports its own result.
        var run = UnansweredTargetMemory.RunOf(AutobahnRowContext.Current);

        var effective = options;
        var result = await RunOrTakeAsync(caseId, serverUrl, options, RunUnlessDown, cancellationToken).ConfigureAwait(false);
        if (!result.Transcript.ConnectFailed) connectFailures.Forget(serverUrl);
        return Conclude(result);

        // Also the body of every case run ahead (RowPlan), which starts later than the row that started it: a failed
        // connect or a second unanswered case is remembered at once, and cases not started yet then fail as their rows
        // would have, instead of each waiting on its own connect or timeout.
        async Task<CaseResult> RunUnlessDown(string id, CancellationToken token)
        {
            ThrowIfGivenUp(serverUrl, run);
            var ran = await runCase(id, serverUrl, effective, token).ConfigureAwait(false);
            if (ran.Transcript.ConnectFailed)
            {
                connectFailures.Remember(serverUrl, ran.Transcript.ConnectionFailure ?? $"Could not connect to {serverUrl}");
            }

            unanswered.Record(run, serverUrl, ran, effective);
            return ran;
        }
    }

    /// <summary>Fails a case at once when connecting to <paramref name="serverUrl"/> failed moments ago, or its theory run gave up on the server (<see cref="UnansweredStreak"/>).</summary>
    private void ThrowIfGivenUp(Uri serverUrl, object run)
    {
        if (connectFailures.TryGetRecent(serverUrl, out var refused))
        {
            throw new AutobahnCaseFailedException(CaseFailureMessage.NotRetried(refused), result: null);
        }

        if (unanswered.TryGetGivenUp(run, serverUrl, out var silent))
        {
            throw new AutobahnCaseFailedException(silent, result: null);
        }
    }

    /// <summary>Runs one case against a server-side WebSocket handler in memory; throws <see cref="AutobahnCaseFailedException"/> when its verdict fails.</summary>
    public async Task<CaseResult> RunAsync(
        string caseId,
        Func<System.Net.WebSockets.WebSocket, CancellationToken, Task> handler,
        FuzzingOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentNullException.ThrowIfNull(handler);
        var effective = EffectiveOptions(options);
        return Conclude(await RunOrTakeAsync(caseId, handler, effective, (id, token) => Fuzzer.RunCaseAsync(id, handler, effective, token), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Runs one case against a WebSocket client: the process's loopback <see cref="FuzzingServer"/> hands
    /// <paramref name="client"/> the case's URL; throws <see cref="AutobahnCaseFailedException"/> when its verdict fails.
    /// </summary>
    public async Task<CaseResult> RunClientAsync(
        string caseId,
        Func<Uri, CancellationToken, Task> client,
        FuzzingOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentNullException.ThrowIfNull(client);
        var effective = EffectiveOptions(options);
        return Conclude(await RunOrTakeAsync(caseId, client, effective, (id, token) => ClientServer.Value.RunClientCaseAsync(id, client, effective, token), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Runs one case against a client-side WebSocket handler in memory; throws <see cref="AutobahnCaseFailedException"/> when its verdict fails.</summary>
    public async Task<CaseResult> RunClientAsync(
        string caseId,
        Func<System.Net.WebSockets.WebSocket, CancellationToken, Task> client,
        FuzzingOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentNullException.ThrowIfNull(client);
        var effective = EffectiveOptions(options);
        return Conclude(await RunOrTakeAsync(caseId, client, effective, (id, token) => Fuzzer.RunClientCaseAsync(id, client, effective, token), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The result computed ahead by the row's <see cref="RowPlan"/> (its own or, for the first row of a stretch, started now), else runs the case here.</summary>
    private static Task<CaseResult> RunOrTakeAsync(
        string caseId,
        object target,
        FuzzingOptions options,
        Func<string, CancellationToken, Task<CaseResult>> run,
        CancellationToken cancellationToken)
    {
        var context = AutobahnRowContext.Current;
        if (context?.PlanError is { } error) throw new ArgumentException(error);
        var taken = context?.Plan?.Take(caseId, target, options, run, context.RunCancellation);
        return taken is null ? run(caseId, cancellationToken) : taken.WaitAsync(cancellationToken);
    }

    /// <summary>The options with the row's, the run's and the debugger's time scale (<see cref="TimeScalePolicy"/>).</summary>
    private static FuzzingOptions EffectiveOptions(FuzzingOptions? options) =>
        TimeScalePolicy.Apply(
            options,
            AutobahnRowContext.Current?.TimeScale ?? 1,
            Environment.GetEnvironmentVariable(TimeScalePolicy.EnvironmentVariable),
            System.Diagnostics.Debugger.IsAttached);

    private CaseResult Conclude(CaseResult result)
    {
        var reportFile = report?.Record(result) is null ? null : report.CaseHtmlPath(result);

        var context = AutobahnRowContext.Current;
        var decision = VerdictPolicy.Decide(result, context?.Expectations.For(result.Id.Text), reportFile);
        switch (decision.Outcome)
        {
            case RowOutcome.Skip:
                // xUnit v2 has no dynamic skip: inside an Autobahn row the passed test is reported as skipped; elsewhere it passes.
                context?.SkipReason = decision.Message;
                return result;
            case RowOutcome.Fail:
                throw new AutobahnCaseFailedException(decision.Message!, result);
            default:
                return result;
        }
    }
}
