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

        Assert.Same(result, await runner.RunAsync("2.2", Server, null, null, default));
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

        var e = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.2", Server, null, null, default));

        Assert.Same(result, e.Result);
        Assert.Equal(CaseFailureMessage.Format(result), e.Message);
    }

    [Fact]
    public async Task RunAsync_UnimplementedInARow_ThrowsTheSkipExceptionWithTheReasonOnly()
    {
        var runner = Runner(_ => Results.Case2_2(Behavior.Unimplemented, Behavior.Unimplemented));

        var e = await Assert.ThrowsAsync<UnimplementedCaseException>(() => runner.RunAsync("2.2", Server, null, Row(), default));

        Assert.StartsWith("UNIMPLEMENTED: ", e.Reason, StringComparison.Ordinal);
        Assert.Equal(e.Reason, e.Message); // the row's message bus reports it as the skip reason
    }

    [Fact]
    public async Task RunAsync_UnimplementedOutsideAnyRow_FailsSayingWhyItIsNotASkip()
    {
        var runner = Runner(_ => Results.Case2_2(Behavior.Unimplemented, Behavior.Unimplemented));

        var e = await Assert.ThrowsAsync<UnimplementedCaseException>(() => runner.RunAsync("2.2", Server, null, row: null, default));

        Assert.Equal(e.Reason + "\n" + UnimplementedText.OutsideRow, e.Message);
    }

    [Fact]
    public async Task RunAsync_Result_IsRecordedInIndexJson()
    {
        var writer = new ReportWriter(directory);
        var runner = new CaseRunner((_, _, _, _) => Task.FromResult(Results.Case2_2(agent: "Echo")), writer);

        await runner.RunAsync("2.2", Server, null, Row(), default);

        using var index = JsonDocument.Parse(File.ReadAllText(writer.IndexPath));
        Assert.Equal("OK", index.RootElement.GetProperty("Echo").GetProperty("2.2").GetProperty("behavior").GetString());
    }

    [Fact]
    public async Task RunAsync_FailingVerdictWithReport_MessageEndsWithTheCasePage()
    {
        var writer = new ReportWriter(directory);
        var runner = new CaseRunner((_, _, _, _) => Task.FromResult(Results.Case2_2(Behavior.Failed, agent: "Echo")), writer);

        var e = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.2", Server, null, Row(), default));

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
        var run = new TheoryRun(new ManualClock());

        var first = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.2", Server, null, Row(run), default));
        var second = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.3", Server, null, Row(run), default));

        Assert.StartsWith(refused + "\n", first.Message);
        Assert.Equal(refused + " (an earlier case already could not connect; not retried)", second.Message);
        Assert.Null(second.Result);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task RunAsync_ConnectFailed_AfterTheLifetimeTheServerIsTriedAgain()
    {
        var clock = new ManualClock();
        var calls = 0;
        var runner = Runner(_ =>
        {
            calls++;
            return Results.Case2_2(Behavior.Failed, Behavior.Failed, connectionFailure: "refused", connectFailed: true);
        });
        var run = new TheoryRun(clock);

        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.2", Server, null, Row(run), default));
        clock.Advance(ConnectFailureMemory.Lifetime);
        var later = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.3", Server, null, Row(run), default));

        Assert.NotNull(later.Result);
        Assert.Equal(2, calls);
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
        var run = new TheoryRun(new ManualClock());

        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.2", Server, null, Row(run), default));
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.3", Server, null, Row(run), default));

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task RunAsync_RowTimeScale_ReachesTheFuzzer()
    {
        FuzzingOptions? seen = null;
        var runner = new CaseRunner((_, _, options, _) => { seen = options; return Task.FromResult(Results.Case2_2()); }, report: null);

        await runner.RunAsync("2.2", Server, new FuzzingOptions { TimeScale = 0.5 }, Row(timeScale: 3), default);

        // Debugging this test multiplies by TimeScalePolicy.DebuggerFactor as well.
        Assert.Equal(1.5 * (System.Diagnostics.Debugger.IsAttached ? TimeScalePolicy.DebuggerFactor : 1), seen?.TimeScale);
    }

    [Fact]
    public async Task RunAsync_RowExpectations_AreApplied()
    {
        var runner = Runner(_ => Results.Case2_2(Behavior.NonStrict));
        var lenient = CaseExpectations.From([new AutobahnExpectAttribute("2.2", Behavior.Ok, "we are strict")], []);

        var declared = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.2", Server, null, Row(expectations: lenient), default));
        var undeclared = await runner.RunAsync("2.2", Server, null, Row(), default);

        Assert.Contains("is expected OK (\"we are strict\"", declared.Message, StringComparison.Ordinal);
        Assert.Equal(Behavior.NonStrict, undeclared.Behavior);
    }

    [Fact]
    public async Task RunAsync_ServerDownWithRowsRunningConcurrently_RowsNotStartedYetAreNotTried()
    {
        var calls = 0;
        var runner = new CaseRunner(
            async (_, _, _, _) =>
            {
                Interlocked.Increment(ref calls);
                await Task.Delay(20); // the rows already started overlap the failing connect
                return Results.Case2_2(Behavior.Failed, Behavior.Failed, connectionFailure: "Could not connect: refused", connectFailed: true);
            },
            report: null);
        var ids = Enumerable.Range(1, 11).Select(i => $"2.{i}").ToArray();
        var run = new TheoryRun(new ManualClock());

        var messages = await GatedRows.RunAsync(ids, degree: 2, async id =>
            (await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync(id, Server, null, Row(run), default))).Message);

        Assert.StartsWith("Could not connect: refused\n", messages[0]);
        Assert.All(messages.Skip(2), m => Assert.EndsWith(CaseFailureMessage.NotRetriedSuffix, m));
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
        var run = new TheoryRun(new ManualClock());

        var first = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.1", Server, null, Row(run), default));
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.2", Server, null, Row(run), default));
        var third = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.3", Server, null, Row(run), default));

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
            return id == "2.2" ? Results.Case2_2(Behavior.Failed, Behavior.Failed, connectionFailure: "refused", connectFailed: true) : HandshakeTimeout(id);
        });
        var first = new TheoryRun(new ManualClock());
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.1", Server, null, Row(first), default));
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.2", Server, null, Row(first), default));
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("2.2", Server, null, Row(first), default));

        var second = new TheoryRun(new ManualClock());
        var other = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.3", Server, null, Row(second), default));

        Assert.NotNull(other.Result);
        Assert.Equal(3, calls); // 2.2 was not tried by the first run, which had given up; the second run tried 1.1.3
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
            report: null);
        var run = new TheoryRun(clock);
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.1", Server, null, Row(run), default));
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.2", Server, null, Row(run), default));
        await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync("1.1.3", Server, null, Row(run), default));

        answering = true;
        clock.Advance(UnansweredStreak.RetryAfter);
        await runner.RunAsync("1.1.4", Server, null, Row(run), default);
        await runner.RunAsync("1.1.5", Server, null, Row(run), default);

        Assert.Equal(4, calls); // 1.1.3 was not tried; 1.1.4 tried again, got an answer and cleared it
    }

    [Fact]
    public async Task RunAsync_SilentServerWithRowsRunningConcurrently_RowsNotStartedYetAreNotTried()
    {
        var calls = 0;
        var runner = new CaseRunner(
            async (id, _, _, _) =>
            {
                Interlocked.Increment(ref calls);
                await Task.Delay(20);
                return HandshakeTimeout(id);
            },
            report: null);
        var ids = Enumerable.Range(1, 11).Select(i => $"2.{i}").ToArray();
        var run = new TheoryRun(new ManualClock());

        var messages = await GatedRows.RunAsync(ids, degree: 2, async id =>
            (await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => runner.RunAsync(id, Server, null, Row(run), default))).Message);

        // Which two rows the run gave up after depends on which of the concurrent rows finished first.
        Assert.All(messages.Skip(4), m => Assert.Matches(@"^ws://127\.0\.0\.1:9001/ did not answer the opening handshake within 5 s in cases 2\.\d+ and 2\.\d+; not retried$", m));
        Assert.InRange(calls, 2, 4); // the two that gave up, and at most the degree more already started
    }

    private static RowSettings Row(TheoryRun? run = null, double timeScale = 1, CaseExpectations? expectations = null) =>
        new(() => expectations ?? CaseExpectations.None, timeScale, run ?? new TheoryRun(new ManualClock()));

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
        new((id, _, _, _) => Task.FromResult(run(id)), report: null);
}
