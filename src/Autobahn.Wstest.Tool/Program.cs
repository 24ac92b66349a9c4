using Autobahn.Wstest.Tool;
using Autobahn.Wstest.Tool.Client;

// Host policy: the fuzzer's timers and socket completions run on the thread pool, which on a small machine adds
// threads only about once a second when they are blocked; a 1 s timer then fires late enough to turn 6.4.x's OK into
// NON-STRICT. A minimum of 32 avoids that (as in the xUnit adapter and the benchmark).
ThreadPool.GetMinThreads(out var minWorkers, out var minCompletionPorts);
ThreadPool.SetMinThreads(Math.Max(minWorkers, 32), Math.Max(minCompletionPorts, 32));

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C ends the run cleanly (reports flushed, summary printed); a second one ends the process.
    if (interrupt.IsCancellationRequested) return;
    e.Cancel = true;
    interrupt.Cancel();
};

return await WstestApp.RunAsync(args, Console.Out, Console.Error, ProgressWriter.LiveByDefault, cancellationToken: interrupt.Token);
