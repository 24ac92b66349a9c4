using System.Diagnostics;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Wstest.Tool.Client;

/// <summary>
/// Runs cases up to a degree side by side and hands their results over in the order given (wstest's order), each as
/// soon as it and every case before it are done. A case that runs alone (<see cref="CaseInfo.RunsAlone"/>: section 9,
/// which measures the server's throughput) runs with no other beside it, after the cases before it. With a degree of
/// 1 this is wstest's one case after another.
/// </summary>
internal static class OrderedCaseRunner
{
    /// <summary>
    /// Runs <paramref name="ids"/> with <paramref name="run"/>; <paramref name="onResult"/> sees each result in order and
    /// returns false to start no further case (cases already running finish and are still handed over).
    /// </summary>
    /// <returns>How many cases were handed over.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<CaseId> ids,
        int degree,
        Func<CaseId, CancellationToken, Task<CaseResult>> run,
        Func<CaseResult, TimeSpan, bool> onResult,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var handedOver = 0;
        for (var start = 0; start < ids.Count && !stop.IsCancellationRequested;)
        {
            var alone = CaseInfo.Get(ids[start]).RunsAlone;
            var stretch = alone ? [ids[start]] : ids.Skip(start).TakeWhile(id => !CaseInfo.Get(id).RunsAlone).ToArray();
            start += stretch.Length;

            using var slots = new SemaphoreSlim(alone ? 1 : Math.Max(1, degree));
            var running = stretch.Select(id => RunOneAsync(id, slots, run, stop.Token, cancellationToken)).ToArray();
            foreach (var task in running)
            {
                if (await task.ConfigureAwait(false) is not { } finished) continue;
                handedOver++;
                if (!onResult(finished.Result, finished.Elapsed)) stop.Cancel();

                // A case holds its slot until it is handed over: at most `degree` cases are running or waiting for
                // the ones before them, and with a degree of 1 the next case starts only after this one was handed
                // over (so a stop after a failed connect starts nothing more, as in wstest).
                slots.Release();
            }
        }

        return handedOver;
    }

    private static async Task<(CaseResult Result, TimeSpan Elapsed)?> RunOneAsync(
        CaseId id, SemaphoreSlim slots, Func<CaseId, CancellationToken, Task<CaseResult>> run, CancellationToken stop, CancellationToken cancellationToken)
    {
        try
        {
            await slots.WaitAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        if (stop.IsCancellationRequested)
        {
            slots.Release();
            return null;
        }

        try
        {
            var watch = Stopwatch.StartNew();
            var result = await run(id, cancellationToken).ConfigureAwait(false);
            return (result, watch.Elapsed);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }
}
