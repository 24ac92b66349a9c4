using System.Text.Json;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Reports;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public sealed class CaseRunnerTests : IDisposable
{
    private static readonly Uri Server = new("ws://127.0.0.1:9001/");
    private readonly string directory = Path.Combine(Path.GetTempPath(), "autobahn-runner-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData(Behavior.Ok, Behavior.Ok)]
    [InlineData(Behavior.NonStrict, Behavior.Ok)]
    [InlineData(Behavior.Informational, Behavior.Informational)]
    [InlineData(Behavior.Ok, Behavior.Informational)]
    public async Task RunAsync_PassingVerdict_ReturnsTheResult(Behavior behavior, Behavior behaviorClose)
    {
        var result = Results.Case2_2(behavior, behaviorClose);
        var runner = Runner(_ => result);

        Assert.Same(result, await runner.RunAsync("2.2", Server, null, default));
    }

    [Theory]
    [InlineData(Behavior.Failed, Behavior.Ok)]
    [InlineData(Behavior.Ok, Behavior.Failed)]
    [InlineData(Behavior.Ok, Behavior.Unclean)]
    [InlineData(Behavior.Ok, Behavior.WrongCode)]
    [InlineData(Behavior.Ok, Behavior.FailedByClient)]
    [InlineData(Behavior.NonStrict, Behavior.NonStrict)]
    public async Task RunAsync_FailingVerdict_ThrowsWithTheCaseReport(Behavior behavior, Behavior behaviorClose)
    {
        var result = Results.Case2_2(behavior, behaviorClose);
        var runner = Runner(_ => result);

        var e = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.2", Server, null, default));

        Assert.Same(result, e.Result);
        Assert.Equal(CaseFailureMessage.Format(result), e.Message);
    }

    [Fact]
    public async Task RunAsync_Unimplemented_DoesNotFailAndAsksTheRowToSkip()
    {
        var runner = Runner(_ => Results.Case2_2(Behavior.Unimplemented, Behavior.Unimplemented));
        var context = new AutobahnRowContext();
        AutobahnRowContext.Current = context;

        await runner.RunAsync("2.2", Server, null, default);

        Assert.StartsWith("UNIMPLEMENTED: ", context.SkipReason);
    }

    [Fact]
    public async Task RunAsync_Result_IsRecordedInIndexJson()
    {
        var writer = new ReportWriter(directory);
        var runner = new CaseRunner((_, _, _, _) => Task.FromResult(Results.Case2_2(agent: "Echo")), writer, new ConnectFailureMemory(new ManualClock()));

        await runner.RunAsync("2.2", Server, null, default);

        using var index = JsonDocument.Parse(File.ReadAllText(writer.IndexPath));
        Assert.Equal("OK", index.RootElement.GetProperty("Echo").GetProperty("2.2").GetProperty("behavior").GetString());
    }

    [Fact]
    public async Task RunAsync_FailingVerdictWithReport_MessageEndsWithTheCasePage()
    {
        var writer = new ReportWriter(directory);
        var runner = new CaseRunner((_, _, _, _) => Task.FromResult(Results.Case2_2(Behavior.Failed, agent: "Echo")), writer, new ConnectFailureMemory(new ManualClock()));

        var e = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.2", Server, null, default));

        var page = Path.Combine(writer.Directory, "echo_case_2_2.html");
        Assert.EndsWith("\nReport: " + page, e.Message);
        Assert.True(File.Exists(page));
    }

    [Fact]
    public async Task RunAsync_ConnectFailed_LaterRowsForTheSameUrlFailAtOnce()
    {
        const string refused = "Could not connect to ws://127.0.0.1:9001/: connection refused";
        var calls = 0;
        var runner = Runner(_ =>
        {
            calls++;
            return Results.Case2_2(Behavior.Failed, Behavior.Failed, connectionFailure: refused, connectFailed: true);
        });

        var first = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.2", Server, null, default));
        var second = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.3", Server, null, default));

        Assert.StartsWith(refused + "\n", first.Message);
        Assert.Equal(refused + " (an earlier case already could not connect; not retried)", second.Message);
        Assert.Null(second.Result);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task RunAsync_HandshakeFailure_IsNotRememberedAsDown()
    {
        var calls = 0;
        var runner = Runner(_ =>
        {
            calls++;
            return Results.Case2_2(Behavior.Failed, Behavior.Failed, connectionFailure: "Handshake rejected: HTTP 404", connectFailed: false);
        });

        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.2", Server, null, default));
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.3", Server, null, default));

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task RunAsync_RowTimeScale_ReachesTheFuzzer()
    {
        FuzzingOptions? seen = null;
        var runner = new CaseRunner((_, _, options, _) => { seen = options; return Task.FromResult(Results.Case2_2()); }, report: null, new ConnectFailureMemory(new ManualClock()));
        AutobahnRowContext.Current = new AutobahnRowContext { TimeScale = 3 };

        await runner.RunAsync("2.2", Server, new FuzzingOptions { TimeScale = 0.5 }, default);

        // Debugging this test multiplies by TimeScalePolicy.DebuggerFactor as well.
        Assert.Equal(1.5 * (System.Diagnostics.Debugger.IsAttached ? TimeScalePolicy.DebuggerFactor : 1), seen?.TimeScale);
    }

    [Fact]
    public async Task RunAsync_ServerDownWithRowsRunningAhead_CasesNotStartedYetAreNotTried()
    {
        var calls = 0;
        var runner = Runner(_ =>
        {
            Interlocked.Increment(ref calls);
            return Results.Case2_2(Behavior.Failed, Behavior.Failed, connectionFailure: "Could not connect: refused", connectFailed: true);
        });
        var ids = Enumerable.Range(1, 11).Select(i => $"2.{i}").ToArray();
        var plan = new RowPlan(ids, degree: 2);

        var messages = new List<string>();
        foreach (var id in ids)
        {
            AutobahnRowContext.Current = new AutobahnRowContext { Plan = plan };
            messages.Add((await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync(id, Server, null, default))).Message);
        }

        Assert.StartsWith("Could not connect: refused\n", messages[0]);
        Assert.All(messages.Skip(1), m => Assert.EndsWith(CaseFailureMessage.NotRetriedSuffix, m));
        Assert.InRange(calls, 1, 2); // the cases that had started before the first connect failed: at most the degree
    }

    [Fact]
    public async Task RunAsync_TwoHandshakeTimeoutsInARow_LaterRowsOfTheTheoryFailAtOnce()
    {
        var calls = 0;
        var runner = Runner(id =>
        {
            calls++;
            return HandshakeTimeout(id);
        });
        AutobahnRowContext.Current = new AutobahnRowContext { Theory = "Tests.Silent" };

        var first = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.1", Server, null, default));
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.2", Server, null, default));
        var third = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.3", Server, null, default));

        Assert.StartsWith("The server at ws://127.0.0.1:9001/ did not complete the WebSocket opening handshake within 5 s.\nCase 1.1.1 ", first.Message);
        Assert.Equal("ws://127.0.0.1:9001/ did not answer the opening handshake within 5 s in cases 1.1.1 and 1.1.2; not retried", third.Message);
        Assert.Null(third.Result);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task RunAsync_AnotherTheoryRun_TriesTheServerAgain()
    {
        var calls = 0;
        var runner = Runner(id =>
        {
            calls++;
            return HandshakeTimeout(id);
        });
        AutobahnRowContext.Current = new AutobahnRowContext { Theory = "Tests.First" };
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.1", Server, null, default));
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.2", Server, null, default));

        AutobahnRowContext.Current = new AutobahnRowContext { Theory = "Tests.Second" };
        var other = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.3", Server, null, default));

        Assert.NotNull(other.Result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task RunAsync_ServerAnswersAgainAfterRetryAfter_LaterRowsRunAgain()
    {
        var clock = new ManualClock();
        var answering = false;
        var calls = 0;
        var runner = new CaseRunner(
            (id, _, _, _) =>
            {
                calls++;
                return Task.FromResult(answering ? Results.Case2_2() with { Id = CaseId.Parse(id) } : HandshakeTimeout(id));
            },
            report: null,
            new ConnectFailureMemory(clock),
            new UnansweredTargetMemory(clock));
        AutobahnRowContext.Current = new AutobahnRowContext { Theory = "Tests.Recovering" };
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.1", Server, null, default));
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.2", Server, null, default));
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.3", Server, null, default));

        answering = true;
        clock.Advance(UnansweredStreak.RetryAfter);
        await runner.RunAsync("1.1.4", Server, null, default);
        await runner.RunAsync("1.1.5", Server, null, default);

        Assert.Equal(4, calls); // 1.1.3 was not tried; 1.1.4 tried again, got an answer and cleared it
    }

    [Fact]
    public async Task RunAsync_SilentServerWithRowsRunningAhead_CasesNotStartedYetAreNotTried()
    {
        var calls = 0;
        var runner = Runner(id =>
        {
            Interlocked.Increment(ref calls);
            return HandshakeTimeout(id);
        });
        var ids = Enumerable.Range(1, 11).Select(i => $"2.{i}").ToArray();
        var plan = new RowPlan(ids, degree: 2);

        var messages = new List<string>();
        foreach (var id in ids)
        {
            AutobahnRowContext.Current = new AutobahnRowContext { Plan = plan, Theory = "Tests.Ahead" };
            messages.Add((await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync(id, Server, null, default))).Message);
        }

        Assert.All(messages.Skip(4), m => Assert.EndsWith(" within 5 s in cases 2.1 and 2.2; not retried", m));
        Assert.InRange(calls, 2, 4); // the two that gave up, and at most the degree more already started
    }

    private static CaseResult HandshakeTimeout(string id)
    {
        var result = Results.Case2_2(Behavior.Failed, Behavior.Failed, connectionFailure: "The server at ws://127.0.0.1:9001/ did not complete the WebSocket opening handshake within 5 s.");
        return result with
        {
            Id = CaseId.Parse(id),
            Transcript = result.Transcript with { CaseId = CaseId.Parse(id), Closing = new ClosingBehavior { WasOpenHandshakeTimeout = true, DroppedByMe = true } },
        };
    }

    private static CaseRunner Runner(Func<string, CaseResult> run) =>
        new((id, _, _, _) => Task.FromResult(run(id)), report: null, new ConnectFailureMemory(new ManualClock()));
}
