using Autobahn.Testsuite;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// What <see cref="AutobahnRunner"/> does, with its collaborators passed in so that it can be tested without a
/// server: run the case, record it in the report, and turn the verdict into a test outcome. The row a case runs in
/// (its expectations, time scale and theory run) is a parameter: the adapter finds it (<see cref="XunitRows.Find"/>);
/// null outside a row.
/// </summary>
internal sealed class CaseRunner(
    Func<string, Uri, FuzzingOptions?, CancellationToken, Task<CaseResult>> runCase,
    ReportWriter? report)
{
    private static readonly Lazy<CaseRunner> SharedRunner = new(() =>
    {
        ThreadPoolFloor.Ensure();
        return new CaseRunner(Fuzzer.RunCaseAsync, ProcessReport.Shared);
    });

    /// <summary>
    /// The fuzzing server of this process for client rows: one listener on 127.0.0.1 (a free port) serving every case,
    /// started by the first client row. Each row's case runs with that row's options.
    /// </summary>
    private static readonly Lazy<FuzzingServer> ClientServer = new(() => FuzzingServer.Start());

    /// <summary>
    /// The runner of this process: the real fuzzer and the process-wide report. Its creation applies the host policy
    /// (<see cref="ThreadPoolFloor"/>) before the first case runs.
    /// </summary>
    public static CaseRunner Shared => SharedRunner.Value;

    /// <summary>Runs one case against a server by URL; throws <see cref="AutobahnCaseFailedException"/> when its verdict fails.</summary>
    public async Task<CaseResult> RunAsync(string caseId, Uri serverUrl, FuzzingOptions? options, RowSettings? row, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentNullException.ThrowIfNull(serverUrl);
        var effective = EffectiveOptions(options, row);
        var run = row?.TheoryRun ?? TheoryRun.OutsideRows;

        // wstest skips the rest of a run after a failed connect (fuzzing.py clientConnectionFailed); rows cannot be
        // skipped, so they fail at once, as do those after two unanswered cases (UnansweredStreak).
        if (run.ConnectFailures.TryGetRecent(serverUrl, out var refused))
        {
            throw new AutobahnCaseFailedException(CaseFailureMessage.NotRetried(refused), result: null);
        }

        if (run.UnansweredTargets.TryGetGivenUp(serverUrl, out var silent))
        {
            throw new AutobahnCaseFailedException(silent, result: null);
        }

        var result = await runCase(caseId, serverUrl, effective, cancellationToken).ConfigureAwait(false);
        if (result.Transcript.ConnectFailed)
        {
            run.ConnectFailures.Remember(serverUrl, result.Transcript.ConnectionFailure ?? $"Could not connect to {serverUrl}");
        }
        else
        {
            run.ConnectFailures.Forget(serverUrl);
        }

        run.UnansweredTargets.Record(serverUrl, result, effective);
        return Conclude(result, row);
    }

    /// <summary>Runs one case against a server-side WebSocket handler in memory; throws <see cref="AutobahnCaseFailedException"/> when its verdict fails.</summary>
    public async Task<CaseResult> RunAsync(
        string caseId,
        Func<System.Net.WebSockets.WebSocket, CancellationToken, Task> handler,
        FuzzingOptions? options,
        RowSettings? row,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentNullException.ThrowIfNull(handler);
        var effective = EffectiveOptions(options, row);
        return Conclude(await Fuzzer.RunCaseAsync(caseId, handler, effective, cancellationToken).ConfigureAwait(false), row);
    }

    /// <summary>
    /// Runs one case against a WebSocket client: the process's loopback <see cref="FuzzingServer"/> hands
    /// <paramref name="client"/> the case's URL; throws <see cref="AutobahnCaseFailedException"/> when its verdict fails.
    /// </summary>
    public async Task<CaseResult> RunClientAsync(
        string caseId,
        Func<Uri, CancellationToken, Task> client,
        FuzzingOptions? options,
        RowSettings? row,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentNullException.ThrowIfNull(client);
        var effective = EffectiveOptions(options, row);
        var run = row?.TheoryRun ?? TheoryRun.OutsideRows;

        // A client that hung without connecting is not waited on again for a while (ConnectFailureMemory.Lifetime):
        // the theory's later rows for the same client method fail at once, as rows against a server that refused do.
        var clientKey = new Uri($"client:{client.Method.DeclaringType?.FullName}.{client.Method.Name}");
        if (run.ConnectFailures.TryGetRecent(clientKey, out var hung))
        {
            throw new AutobahnCaseFailedException(CaseFailureMessage.NotRetried(hung), result: null);
        }

        var result = await ClientServer.Value.RunClientCaseAsync(caseId, client, effective, cancellationToken).ConfigureAwait(false);
        if (!result.Transcript.ConnectFailed) run.ConnectFailures.Forget(clientKey);
        else if (result.Transcript.ConnectionFailure is { } failure && failure.Contains(" within ", StringComparison.Ordinal)) run.ConnectFailures.Remember(clientKey, failure);
        return Conclude(result, row);
    }

    /// <summary>Runs one case against a client-side WebSocket handler in memory; throws <see cref="AutobahnCaseFailedException"/> when its verdict fails.</summary>
    public async Task<CaseResult> RunClientAsync(
        string caseId,
        Func<System.Net.WebSockets.WebSocket, CancellationToken, Task> client,
        FuzzingOptions? options,
        RowSettings? row,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentNullException.ThrowIfNull(client);
        var effective = EffectiveOptions(options, row);
        return Conclude(await Fuzzer.RunClientCaseAsync(caseId, client, effective, cancellationToken).ConfigureAwait(false), row);
    }

    /// <summary>The options with the row's, the run's and the debugger's time scale (<see cref="TimeScalePolicy"/>).</summary>
    private static FuzzingOptions EffectiveOptions(FuzzingOptions? options, RowSettings? row) =>
        TimeScalePolicy.Apply(
            options,
            row?.TimeScale ?? 1,
            Environment.GetEnvironmentVariable(TimeScalePolicy.EnvironmentVariable),
            System.Diagnostics.Debugger.IsAttached);

    private CaseResult Conclude(CaseResult result, RowSettings? row)
    {
        var reportFile = report?.Record(result) is null ? null : report.CaseHtmlPath(result);
        var decision = VerdictPolicy.Decide(result, row?.Expectations.For(result.Id.Text), reportFile);
        return decision.Outcome switch
        {
            RowOutcome.Skip => throw XunitRows.Unimplemented(decision.Message!, inRow: row is not null),
            RowOutcome.Fail => throw new AutobahnCaseFailedException(decision.Message!, result),
            _ => result,
        };
    }
}
