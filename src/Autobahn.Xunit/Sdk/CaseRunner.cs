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
    ConnectFailureMemory connectFailures)
{
    private static readonly Lazy<CaseRunner> SharedRunner = new(() =>
    {
        ThreadPoolFloor.Ensure();
        return new CaseRunner(Fuzzer.RunCaseAsync, ProcessReport.Shared, ConnectFailureMemory.Shared);
    });

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

        var effective = options;
        var result = await RunOrTakeAsync(caseId, serverUrl, options, RunUnlessDown, cancellationToken).ConfigureAwait(false);
        if (!result.Transcript.ConnectFailed) connectFailures.Forget(serverUrl);
        return Conclude(result);

        // Also the body of every case run ahead (RowPlan), which starts later than the row that started it: a failed
        // connect is remembered at once, and cases not started yet then fail as their rows would have, instead of each
        // waiting on its own connect.
        async Task<CaseResult> RunUnlessDown(string id, CancellationToken token)
        {
            if (connectFailures.TryGetRecent(serverUrl, out var down))
            {
                throw new AutobahnCaseFailedException(CaseFailureMessage.NotRetried(down), result: null);
            }

            var run = await runCase(id, serverUrl, effective, token).ConfigureAwait(false);
            if (run.Transcript.ConnectFailed)
            {
                connectFailures.Remember(serverUrl, run.Transcript.ConnectionFailure ?? $"Could not connect to {serverUrl}");
            }

            return run;
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
