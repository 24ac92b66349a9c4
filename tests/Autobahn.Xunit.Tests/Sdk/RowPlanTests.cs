using System.Collections.Concurrent;
using Autobahn.Testsuite;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class RowPlanTests
{
    private static readonly Uri Server = new("ws://127.0.0.1:9001/");
    private static readonly FuzzingOptions Options = FuzzingOptions.Default;

    [Fact]
    public async Task Take_FirstRow_StartsTheFollowingRowsInOrderAndEachRowGetsItsOwnResult()
    {
        var plan = new RowPlan(["1.1.1", "1.1.2", "1.1.3", "2.1"], degree: 2);
        var runner = new RecordingRun();

        var results = new List<string>();
        foreach (var id in plan.CaseIds)
        {
            var taken = plan.Take(id, Server, Options, runner.RunAsync, default);
            Assert.NotNull(taken);
            results.Add((await taken).Agent);
        }

        Assert.Equal(plan.CaseIds, results);
        Assert.Equal(plan.CaseIds, runner.Started);
    }

    [Fact]
    public async Task Take_RunsAtMostDegreeCasesAtOnce()
    {
        var plan = new RowPlan(["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6"], degree: 3);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new RecordingRun(release.Task);

        var first = plan.Take("1.1.1", Server, Options, runner.RunAsync, default)!;
        await runner.WaitForStartedAsync(3);
        await Task.Delay(50); // a fourth case would have started by now
        Assert.Equal(3, runner.Started.Count);
        release.SetResult();
        await first;
        foreach (var id in plan.CaseIds.Skip(1)) await plan.Take(id, Server, Options, runner.RunAsync, default)!;

        Assert.Equal(3, runner.MaxRunning);
        Assert.Equal(6, runner.Started.Count);
    }

    [Fact]
    public async Task Take_Section9_RunsAloneAndTheRowAfterItStartsTheNextStretch()
    {
        var plan = new RowPlan(["2.1", "2.2", "9.1.1", "9.1.2", "10.1.1", "2.3"], degree: 4);
        var runner = new RecordingRun();

        await plan.Take("2.1", Server, Options, runner.RunAsync, default)!;
        await plan.Take("2.2", Server, Options, runner.RunAsync, default)!;
        Assert.Equal(["2.1", "2.2"], runner.Started);
        Assert.Null(plan.Take("9.1.1", Server, Options, runner.RunAsync, default));
        Assert.Null(plan.Take("9.1.2", Server, Options, runner.RunAsync, default));
        await plan.Take("10.1.1", Server, Options, runner.RunAsync, default)!;
        await plan.Take("2.3", Server, Options, runner.RunAsync, default)!;

        Assert.Equal(["2.1", "2.2", "10.1.1", "2.3"], runner.Started);
    }

    [Fact]
    public async Task Take_OtherTargetOrOptions_RowRunsItsOwnCase()
    {
        var plan = new RowPlan(["2.1", "2.2", "2.3"], degree: 4);
        var runner = new RecordingRun();

        await plan.Take("2.1", Server, Options, runner.RunAsync, default)!;

        Assert.Null(plan.Take("2.2", new Uri("ws://127.0.0.1:9002/"), Options, runner.RunAsync, default));
        Assert.Null(plan.Take("2.3", Server, Options with { TimeScale = 2 }, runner.RunAsync, default));
    }

    [Fact]
    public async Task Take_EqualDelegateOrUri_IsTheSameTarget()
    {
        var plan = new RowPlan(["2.1", "2.2", "2.3"], degree: 4);
        var runner = new RecordingRun();
        Func<System.Net.WebSockets.WebSocket, CancellationToken, Task> first = Handler;
        Func<System.Net.WebSockets.WebSocket, CancellationToken, Task> second = Handler;

        await plan.Take("2.1", first, Options, runner.RunAsync, default)!;

        Assert.NotNull(plan.Take("2.2", second, Options, runner.RunAsync, default));
        Assert.Null(plan.Take("2.3", Server, Options, runner.RunAsync, default));
    }

    [Fact]
    public async Task Take_TheSameCaseTwiceOrACaseNotInThePlan_RunsItHere()
    {
        var plan = new RowPlan(["2.1", "2.2"], degree: 2);
        var runner = new RecordingRun();

        await plan.Take("2.1", Server, Options, runner.RunAsync, default)!;

        Assert.Null(plan.Take("2.1", Server, Options, runner.RunAsync, default));
        Assert.Null(plan.Take("3.1", Server, Options, runner.RunAsync, default));
    }

    [Fact]
    public void Take_DegreeOne_RunsEveryCaseHere()
    {
        var plan = new RowPlan(["2.1", "2.2"], degree: 1);

        Assert.Null(plan.Take("2.1", Server, Options, new RecordingRun().RunAsync, default));
    }

    [Fact]
    public async Task Take_CaseThrows_ItsRowGetsTheException()
    {
        var plan = new RowPlan(["2.1", "2.2"], degree: 2);

        Task<CaseResult> Run(string id, CancellationToken token) =>
            id == "2.2" ? Task.FromException<CaseResult>(new InvalidOperationException("boom")) : Task.FromResult(Results.Case2_2());

        await plan.Take("2.1", Server, Options, Run, default)!;
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => plan.Take("2.2", Server, Options, Run, default)!);
        Assert.Equal("boom", e.Message);
    }

    [Fact]
    public async Task Take_DoesNotLeakTheStartingRowsContext()
    {
        var plan = new RowPlan(["2.1", "2.2"], degree: 2);
        var seen = new ConcurrentDictionary<string, AutobahnRowContext?>();
        AutobahnRowContext.Current = new AutobahnRowContext();

        Task<CaseResult> Run(string id, CancellationToken token)
        {
            seen[id] = AutobahnRowContext.Current;
            return Task.FromResult(Results.Case2_2());
        }

        await plan.Take("2.1", Server, Options, Run, default)!;
        await plan.Take("2.2", Server, Options, Run, default)!;

        Assert.Null(seen["2.1"]);
        Assert.Null(seen["2.2"]);
    }

    private static Task Handler(System.Net.WebSockets.WebSocket socket, CancellationToken token) => Task.CompletedTask;

    /// <summary>Records which cases start, in order, and how many run at once; the result's agent is the case id.</summary>
    private sealed class RecordingRun(Task? gate = null)
    {
        private readonly Lock sync = new();
        private readonly List<string> started = [];
        private int running;

        public IReadOnlyList<string> Started
        {
            get
            {
                lock (sync) return [.. started];
            }
        }

        public int MaxRunning { get; private set; }

        public async Task<CaseResult> RunAsync(string caseId, CancellationToken cancellationToken)
        {
            lock (sync)
            {
                started.Add(caseId);
                MaxRunning = Math.Max(MaxRunning, ++running);
            }

            await (gate ?? Task.CompletedTask);
            await Task.Yield();
            lock (sync) running--;
            return Results.Case2_2(agent: caseId);
        }

        public async Task WaitForStartedAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (Started.Count < count) await Task.Delay(5, timeout.Token);
        }
    }
}
