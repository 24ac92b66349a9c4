using Autobahn.Testsuite;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The selected rows of one theory, in run order, and the cases already running ahead for them. xUnit v2 runs the rows
/// of a theory one after another; when a row starts its case, the plan starts the following rows' cases as well, at
/// most <see cref="Degree"/> at a time, against the same target with the same options. Each later row then awaits its
/// case's result instead of running it, so rows still start, end and report in order, and the run takes about as long
/// as its slowest stretch instead of the sum of all cases. A row whose target or options differ runs its own case.
/// </summary>
/// <remarks>
/// Only the raw result is computed ahead: recording it in the reports and judging it happen when the row takes it,
/// inside the row, exactly as when it runs inline. A result no row takes is dropped. Rows of cases that may not run
/// concurrently (<see cref="ConcurrencyPolicy.MayRunConcurrently"/>) end a stretch: they run alone, and the row after
/// them starts the next stretch.
/// </remarks>
internal sealed class RowPlan
{
    private readonly string[] caseIds;
    private readonly Dictionary<string, int> positions;
    private readonly Dictionary<string, Ahead> ahead = new(StringComparer.Ordinal);
    private readonly HashSet<string> planned = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Creates the plan of <paramref name="caseIds"/> (the selected, non-skipped rows in run order).</summary>
    public RowPlan(IReadOnlyList<string> caseIds, int degree)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        this.caseIds = [.. caseIds];
        positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < this.caseIds.Length; i++) positions.TryAdd(this.caseIds[i], i);
        Degree = degree;
    }

    /// <summary>The most cases running at once.</summary>
    public int Degree { get; }

    /// <summary>The case ids, in run order.</summary>
    public IReadOnlyList<string> CaseIds => caseIds;

    /// <summary>
    /// The result of <paramref name="caseId"/> against <paramref name="target"/> with <paramref name="options"/>: the one
    /// computed ahead, or, for the first row of a stretch, one computed by starting the whole stretch; null when the row
    /// must run its case itself (not in the plan, run alone, or started ahead for another target or other options).
    /// </summary>
    /// <param name="caseId">The case the row runs.</param>
    /// <param name="target">What the case runs against: a URL or a handler, compared with <see cref="object.Equals(object)"/>.</param>
    /// <param name="options">The effective options (compared by value).</param>
    /// <param name="run">Runs one case of the stretch against the same target and options.</param>
    /// <param name="cancellationToken">Cancels the cases run ahead: the test run's token, not one row's.</param>
    public Task<CaseResult>? Take(string caseId, object target, FuzzingOptions options, Func<string, CancellationToken, Task<CaseResult>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(run);

        Ahead[] started;
        Task<CaseResult> mine;
        lock (gate)
        {
            if (ahead.Remove(caseId, out var pending))
            {
                return pending.Target.Equals(target) && pending.Options == options ? pending.Result.Task : null;
            }

            if (Degree == 1 || planned.Contains(caseId) || !positions.TryGetValue(caseId, out var start) || !ConcurrencyPolicy.MayRunConcurrently(caseId))
            {
                return null;
            }

            var stretch = caseIds.Skip(start).TakeWhile(ConcurrencyPolicy.MayRunConcurrently).Where(planned.Add).ToArray();
            started = [.. stretch.Select(id => new Ahead(id, target, options))];
            foreach (var entry in started.Skip(1)) ahead[entry.CaseId] = entry;
            mine = started[0].Result.Task;
        }

        Start(started, run, cancellationToken);
        return mine;
    }

    /// <summary>Runs the stretch in order on <see cref="Degree"/> workers.</summary>
    private void Start(Ahead[] stretch, Func<string, CancellationToken, Task<CaseResult>> run, CancellationToken cancellationToken)
    {
        var queue = new Queue<Ahead>(stretch);
        var workers = Math.Min(Degree, stretch.Length);

        // Not on the starting row's execution context: its AutobahnRowContext must not leak into the other rows' cases.
        using (ExecutionContext.SuppressFlow())
        {
            for (var i = 0; i < workers; i++) _ = Task.Run(WorkAsync, CancellationToken.None);
        }

        async Task WorkAsync()
        {
            while (true)
            {
                Ahead next;
                Task<CaseResult> running;
                lock (queue)
                {
                    if (!queue.TryDequeue(out next!)) return;

                    // Started under the lock (up to the case's first await), so cases start in row order even when
                    // several workers dequeue at once.
                    running = StartCase(next.CaseId);
                }

                try
                {
                    next.Result.TrySetResult(await running.ConfigureAwait(false));
                }
                catch (OperationCanceledException e)
                {
                    next.Result.TrySetCanceled(e.CancellationToken);
                }
                catch (Exception e)
                {
                    next.Result.TrySetException(e);
                }
            }
        }

        Task<CaseResult> StartCase(string caseId)
        {
            try
            {
                return run(caseId, cancellationToken);
            }
            catch (Exception e)
            {
                return Task.FromException<CaseResult>(e);
            }
        }
    }

    private sealed class Ahead(string caseId, object target, FuzzingOptions options)
    {
        public string CaseId { get; } = caseId;

        public object Target { get; } = target;

        public FuzzingOptions Options { get; } = options;

        public TaskCompletionSource<CaseResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
