using Autobahn.Samples.EchoServer;
using Autobahn.Xunit.Sdk;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>
/// UNIMPLEMENTED end to end through the real framework (<see cref="FrameworkRun"/>): the in-memory server declines
/// permessage-deflate, so case 12.1.1 does not run. An <see cref="AutobahnTheoryAttribute"/> row reports it skipped
/// with the reason; a call that is not a row's fails, and its message's second line says why.
/// </summary>
public sealed class UnimplementedRowTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task InARow_IsReportedSkippedWithTheReason_AndCountedAsSkipped()
    {
        var run = await FrameworkRun.RunAsync(typeof(UnimplementedFixtures), nameof(UnimplementedFixtures.Row), Timeout);

        var row = Assert.Single(run.Tests);
        Assert.Equal("Skipped", row.Outcome);
        Assert.StartsWith("UNIMPLEMENTED: the server did not accept permessage-deflate", row.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(UnimplementedText.OutsideRow, row.Message, StringComparison.Ordinal);
        Assert.Equal((1, 0, 1), (run.Summary.TestsRun, run.Summary.TestsFailed, run.Summary.TestsSkipped));
        var testCase = Assert.Single(run.TestCases);
        Assert.Equal((1, 0, 1), (testCase.TestsRun, testCase.TestsFailed, testCase.TestsSkipped));
    }

    [Fact]
    public async Task InAFact_FailsSayingWhyItIsNotASkip()
    {
        var fact = new XunitTestCase(new NullSink(), TestMethodDisplay.ClassAndMethod, TestMethodDisplayOptions.None, DiscoveryHelper.TestMethod(typeof(UnimplementedFixtures), nameof(UnimplementedFixtures.Fact)));

        var run = await FrameworkRun.RunAsync([fact], Timeout);

        AssertFailedOutsideARow(Assert.Single(run.Tests));
        Assert.Equal((1, 1, 0), (run.Summary.TestsRun, run.Summary.TestsFailed, run.Summary.TestsSkipped));
    }

    [Fact]
    public async Task InARowThatPassesACaseIdOfItsOwn_FailsSayingWhyItIsNotASkip()
    {
        var run = await FrameworkRun.RunAsync(typeof(UnimplementedFixtures), nameof(UnimplementedFixtures.RowPassingItsOwnString), Timeout);

        AssertFailedOutsideARow(Assert.Single(run.Tests));
    }

    private static void AssertFailedOutsideARow(TestOutcome test)
    {
        Assert.Equal("Failed", test.Outcome);
        Assert.Equal(typeof(UnimplementedCaseException).FullName, test.ExceptionType);
        var lines = test.Message!.Split('\n');
        Assert.StartsWith("UNIMPLEMENTED: the server did not accept permessage-deflate", lines[0], StringComparison.Ordinal);
        Assert.Equal(UnimplementedText.OutsideRow, lines[1]);
    }

    private sealed class NullSink : LongLivedMarshalByRefObject, IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message) => true;
    }
}

// Internal on purpose: xUnit runs only public classes, so these tests run only through FrameworkRun.
#pragma warning disable xUnit1000 // Test classes must be public
internal sealed class UnimplementedFixtures
{
    [AutobahnTheory]
    [AutobahnCases("12.1.1")]
    public Task Row(string caseId) => AutobahnRunner.RunAsync(caseId, EchoApp.EchoAsync);

    [AutobahnTheory]
    [AutobahnCases("12.1.1")]
    public Task RowPassingItsOwnString(string caseId) => AutobahnRunner.RunAsync(new string(caseId.AsSpan()), EchoApp.EchoAsync);

    [Fact]
    public Task Fact() => AutobahnRunner.RunAsync("12.1.1", EchoApp.EchoAsync);
}
#pragma warning restore xUnit1000
