using Autobahn.Samples.EchoServer;
using Autobahn.Xunit.Sdk;
using Autobahn.Xunit.Tests.Subjects;
using Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>How a row reports a verdict: passed, failed with the report, UNIMPLEMENTED as xUnit v3's own skip; expectations applied.</summary>
public sealed class RowOutcomeTests
{
    private const string Echo111 = "1.1.1 · Send text message with payload 0.";

    [Fact]
    public async Task InMemoryRows_ReportTheirVerdicts()
    {
        var outcomes = await InProcessRun.RunAsync(typeof(InMemorySubject));

        Assert.Equal("Passed", outcomes[$"Echo: {Echo111}"].Result);

        // UNIMPLEMENTED: a native dynamic skip, with the reason.
        var unimplemented = outcomes.Single(o => o.Key.StartsWith("Echo: 12.1.1 · ", StringComparison.Ordinal)).Value;
        Assert.Equal("Skipped", unimplemented.Result);
        Assert.StartsWith("UNIMPLEMENTED", unimplemented.Message);

        var silent = outcomes[$"Silent: {Echo111}"];
        Assert.Equal("Failed", silent.Result);
        Assert.Contains("1.1.1", silent.Message);
        Assert.Contains("FAILED", silent.Message);

        // The expectation of the method applies: the declared FAILED passes, a declared FAILED that is now OK fails.
        Assert.Equal("Passed", outcomes[$"SilentDeclared: {Echo111}"].Result);
        var stale = outcomes[$"EchoDeclaredFailed: {Echo111}"];
        Assert.Equal("Failed", stale.Result);
        Assert.Contains("Expectation no longer holds", stale.Message);

        // A row that runs another case than its own is not that case's row: UNIMPLEMENTED fails and says why.
        var other = outcomes[$"OtherCase: {Echo111}"];
        Assert.Equal("Failed", other.Result);
        Assert.Contains(UnimplementedText.OutsideRow, other.Message);
        Assert.Equal(6, outcomes.Count);
    }

    [Fact]
    public async Task UnimplementedOutsideARow_FailsAndSaysWhy()
    {
        var e = await Assert.ThrowsAsync<XunitException>(() => AutobahnRunner.RunAsync("12.1.1", EchoApp.EchoAsync, cancellationToken: TestContext.Current.CancellationToken));

        Assert.IsNotType<SkipException>(e);
        Assert.StartsWith("UNIMPLEMENTED", e.Message);
        Assert.EndsWith(UnimplementedText.OutsideRow, e.Message);
    }

    [Fact]
    public async Task FailingCaseOutsideARow_FailsWithTheReport()
    {
        var e = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => AutobahnRunner.RunAsync("1.1.1", Handlers.SilentAsync, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("1.1.1", e.Message);
        Assert.Contains("FAILED", e.Message);
        Assert.Equal(Autobahn.Testsuite.Cases.Behavior.Failed, e.Result?.Behavior);
    }

    [Fact]
    public void FindOutsideARow_IsNull()
    {
        Assert.Null(XunitRows.Find("1.1.1"));
    }
}
