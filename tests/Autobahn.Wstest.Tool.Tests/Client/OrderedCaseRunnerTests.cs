using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Wstest.Tool.Client;

namespace Autobahn.Wstest.Tool.Tests.Client;

public class OrderedCaseRunnerTests
{
    private static readonly CaseResult Template = Fuzzer.RunCaseAsync("1.1.1", new Uri("ws://127.0.0.1:1/")).GetAwaiter().GetResult();

    [Fact]
    public async Task RunAsync_Parallel_HandsResultsOverInOrder_AndRunsSection9Alone()
    {
        var ids = CaseSelection.Resolve(["7.13.*", "9.1.1", "9.1.2", "10.*"]);
        var running = 0;
        var overlapWithSection9 = false;
        var maxRunning = 0;
        var handedOver = new List<string>();
        var random = new Random(7);

        await OrderedCaseRunner.RunAsync(
            ids,
            4,
            async (id, _) =>
            {
                var now = Interlocked.Increment(ref running);
                lock (handedOver)
                {
                    maxRunning = Math.Max(maxRunning, now);
                    if (id.Section == 9 && now > 1) overlapWithSection9 = true;
                }

                await Task.Delay(random.Next(1, 30));
                Interlocked.Decrement(ref running);
                return Template with { Id = id };
            },
            (result, _) =>
            {
                handedOver.Add(result.Id.Text);
                return true;
            },
            CancellationToken.None);

        Assert.Equal(ids.Select(id => id.Text), handedOver);
        Assert.False(overlapWithSection9);
        Assert.True(maxRunning > 1);
    }

    [Fact]
    public async Task RunAsync_Stop_StartsNoFurtherCase()
    {
        var ids = CaseSelection.Resolve(["1.1.*"]);
        var started = 0;
        var count = await OrderedCaseRunner.RunAsync(
            ids,
            1,
            (id, _) =>
            {
                Interlocked.Increment(ref started);
                return Task.FromResult(Template with { Id = id });
            },
            (result, _) => result.Id.Text != "1.1.3",
            CancellationToken.None);
        Assert.Equal(3, count);
        Assert.Equal(3, started);
    }
}
