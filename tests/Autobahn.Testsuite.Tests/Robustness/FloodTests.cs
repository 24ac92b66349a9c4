using System.Diagnostics;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Protocol;
using Autobahn.Testsuite.Tests.Servers;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>Memory is measured per process: no other test may allocate meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public class MemoryMeasuringCollection
{
    public const string Name = "Memory measuring";
}

/// <summary>
/// Servers that send faster than the fuzzer reads (loopback: hundreds of MiB/s). wstest keeps every event and wire log
/// row, so memory grows with the case's duration. The case must end on time and its memory must stay bounded: the
/// managed heap is sampled every few milliseconds and its peak growth compared with a generous bound (the largest
/// legitimate message is 16 MiB, the largest frame or message the fuzzer keeps 64 MiB): every 200 ms a full collection
/// measures the live heap. Timers are stretched tenfold where a limit is the point, so that the limit and not killAfter
/// ends the case however slow the machine is. Before the engine bounded it, a 64 KiB binary flood kept ~250 MiB more per second, and a
/// flood of empty frames starved the timers for over 30 s.
/// </summary>
[Collection(MemoryMeasuringCollection.Name)]
public class FloodTests(ITestOutputHelper output)
{
    private const long HeapBound = 384L * 1024 * 1024;
    private static readonly FuzzingOptions Limits = new() { TimeScale = 10 };
    private const string TooManyEvents = "the server sent more than 10000 messages and pongs or more than 67108864 octets in them; the fuzzer keeps no more";

    [Fact]
    public async Task BinaryMessages64KiB_DroppedAtTheEventLimit()
    {
        var (result, elapsed, peak) = await FloodAsync(Repeat(HostileConnection.Frame(Opcodes.Binary, new byte[65536]), 4), Limits);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed, Hostile.EventsDiffer, Hostile.WrongEndpoint);
        Assert.Equal(TooManyEvents, result.Transcript.Closing.WasNotCleanReason);
        Assert.Equal(1025, result.Transcript.Received.Count); // 1025 × 64 KiB is the first count above 64 MiB
        AssertBounded(peak, elapsed, TimeSpan.FromSeconds(8), result);
    }

    [Fact]
    public async Task EmptyFrames_DroppedAtTheEventLimit()
    {
        // 32768 empty binary frames per 64 KiB read: one event and one wire log row each.
        var (result, elapsed, peak) = await FloodAsync(Repeat(HostileConnection.Frame(Opcodes.Binary, []), 32768), Limits);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed, Hostile.EventsDiffer, Hostile.WrongEndpoint);
        Assert.Equal(TooManyEvents, result.Transcript.Closing.WasNotCleanReason);
        Assert.Equal(10001, result.Transcript.Received.Count);
        AssertBounded(peak, elapsed, TimeSpan.FromSeconds(8), result);
    }

    [Fact]
    public async Task EndlessFragmentedMessage_DroppedAtTheMessageLimit()
    {
        var first = HostileConnection.Frame(Opcodes.Binary, new byte[10], fin: false);
        var (result, elapsed, peak) = await FloodAsync(Repeat(HostileConnection.Frame(Opcodes.Continuation, new byte[65536], fin: false), 4), Limits, first);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed, Hostile.EventsDiffer, Hostile.WrongEndpoint);
        Assert.Equal("the server's fragmented message grew beyond the fuzzer's limit of 67108864 octets", result.Transcript.Closing.WasNotCleanReason);
        Assert.Empty(result.Transcript.Received);
        AssertBounded(peak, elapsed, TimeSpan.FromSeconds(8), result);
    }

    [Fact]
    public async Task PingsWhileNeverReading_TimersStillOnTime()
    {
        // Pings are answered, not recorded (protocol.py onPing): nothing to stop at, so only killAfter(1) and the closing
        // handshake timeout end it — at 0.5 s each here, and they must not wait behind the reads queued ahead of them.
        // The server never reads: our pongs queue up, bounded by the case's duration.
        var (result, elapsed, peak) = await FloodAsync(Repeat(HostileConnection.Frame(Opcodes.Ping, new byte[125]), 512), new FuzzingOptions { TimeScale = 0.5 }, live: false);

        Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Unclean, Hostile.EventsDiffer, Hostile.Unclean);
        Assert.True(result.Transcript.Closing is { ClosedByMe: true, WasCloseHandshakeTimeout: true, LocalCloseCode: 1001 }, Hostile.Describe(result));

        // The wire log keeps its first 10000 and last 1000 rows, with the gap marked as wstest marks a switched-off log.
        var log = result.Transcript.WireLog;
        Assert.Equal(10_000 + 2 + 1_000, log.Count);
        Assert.Equal(["WLM", "WLM"], log.Skip(10_000).Take(2).Select(e => e.Kind));
        Assert.InRange(elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2));
        AssertBounded(peak, elapsed, TimeSpan.FromSeconds(2), result);
    }

    [Fact]
    public async Task PingsWhileNeverReading_LongCase_QueuedPongsBounded()
    {
        // The same server during a case with long timers (9.x waits up to minutes): nothing ends it for 3 s, when it is
        // cancelled. Every ping read makes a pong that cannot be sent; the fuzzer must stop reading from a server that
        // does not read, instead of queueing pongs at the rate pings arrive.
        var flood = Repeat(HostileConnection.Frame(Opcodes.Ping, new byte[125]), 512);
        await using var server = HostileServer.Start(async c =>
        {
            if (!await c.AcceptAsync()) return;
            while (!c.Stopping.IsCancellationRequested) await c.WriteAsync(flood);
        });

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var samples = new List<(double Seconds, long Growth)>();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var stopwatch = Stopwatch.StartNew();
        var run = Fuzzer.RunCaseAsync("1.1.1", server.Url, Limits, cancellation.Token);
        while (!run.IsCompleted)
        {
            samples.Add((stopwatch.Elapsed.TotalSeconds, GC.GetTotalMemory(forceFullCollection: true) - baseline));
            await Task.WhenAny(run, Task.Delay(250));
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var text = string.Join(", ", samples.Select(s => $"{s.Seconds:0.0} s: {s.Growth / 1048576.0:0} MiB"));
        output.WriteLine($"live heap growth: {text}");

        // A plateau, not a slope: the second half adds next to nothing (before the fix: ~45 MiB/s throughout).
        var peak = samples.Max(s => s.Growth);
        var firstHalf = samples.Where(s => s.Seconds <= 1.5).Max(s => s.Growth);
        Assert.True(peak < 96L * 1024 * 1024, $"the live heap grew by {peak / 1048576.0:0.0} MiB: {text}");
        Assert.True(peak - firstHalf < 24L * 1024 * 1024, $"the live heap kept growing after 1.5 s: {text}");
        Assert.True(await server.WaitUntilNoneOpenAsync(TimeSpan.FromSeconds(5)), "the fuzzer did not close its socket");
    }

    private void AssertBounded(long peak, TimeSpan elapsed, TimeSpan bound, CaseResult result)
    {
        output.WriteLine($"peak managed heap growth {peak / 1048576.0:0.0} MiB, {elapsed.TotalMilliseconds:0} ms, {result.Transcript.Received.Count} events, {result.Transcript.WireLog.Count} wire log rows");
        Assert.True(peak < HeapBound, $"the managed heap grew by {peak / 1048576.0:0.0} MiB (bound {HeapBound / 1048576} MiB)\n{Hostile.Describe(result)}");
        Hostile.AssertWithin(elapsed, bound, result);
    }

    /// <summary>Runs 1.1.1 against a server that answers the upgrade, writes <paramref name="prefix"/>, then <paramref name="chunk"/> until the fuzzer goes.</summary>
    private async Task<(CaseResult Result, TimeSpan Elapsed, long PeakHeapGrowth)> FloodAsync(byte[] chunk, FuzzingOptions options, byte[]? prefix = null, bool live = true)
    {
        await using var server = HostileServer.Start(async c =>
        {
            if (!await c.AcceptAsync()) return;
            if (prefix is not null) await c.WriteAsync(prefix);
            while (!c.Stopping.IsCancellationRequested) await c.WriteAsync(chunk);
        });

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                // Live memory: a full collection first, so garbage (read buffers, copies) does not count. Where timing is
                // the point, no collections are forced (their pauses delay the timers too) and garbage counts.
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: live));
                await Task.Delay(live ? 200 : 5);
            }
        });

        var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, options, output);
        await sampling.CancelAsync();
        await sampler;
        Assert.True(await server.WaitUntilNoneOpenAsync(TimeSpan.FromSeconds(5)), "the fuzzer did not close its socket");
        return (result, elapsed, peak - baseline);
    }

    private static byte[] Repeat(byte[] frame, int count)
    {
        var all = new byte[frame.Length * count];
        for (var i = 0; i < count; i++) frame.CopyTo(all, i * frame.Length);
        return all;
    }
}
