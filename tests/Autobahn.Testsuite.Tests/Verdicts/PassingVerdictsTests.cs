using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Testsuite.Tests.Verdicts;

public class PassingVerdictsTests
{
    private static readonly Behavior[] BehaviorValues = [Behavior.Ok, Behavior.NonStrict, Behavior.Failed, Behavior.Informational, Behavior.Unimplemented];

    private static readonly Behavior[] CloseValues =
        [Behavior.Ok, Behavior.Failed, Behavior.WrongCode, Behavior.Unclean, Behavior.FailedByClient, Behavior.Informational, Behavior.Unimplemented];

    [Theory]
    [InlineData(Behavior.Ok, Behavior.Ok, VerdictOutcome.Pass)]
    [InlineData(Behavior.NonStrict, Behavior.Ok, VerdictOutcome.Pass)]
    [InlineData(Behavior.Informational, Behavior.Informational, VerdictOutcome.Pass)]
    [InlineData(Behavior.Failed, Behavior.Ok, VerdictOutcome.Fail)]
    [InlineData(Behavior.Ok, Behavior.WrongCode, VerdictOutcome.Fail)]
    [InlineData(Behavior.Ok, Behavior.Unclean, VerdictOutcome.Fail)]
    [InlineData(Behavior.Ok, Behavior.FailedByClient, VerdictOutcome.Fail)]
    [InlineData(Behavior.Ok, Behavior.Failed, VerdictOutcome.Fail)]
    [InlineData(Behavior.Unimplemented, Behavior.Ok, VerdictOutcome.Skip)]
    [InlineData(Behavior.Unimplemented, Behavior.Failed, VerdictOutcome.Skip)]
    public void Judge_DefaultPolicy(Behavior behavior, Behavior close, VerdictOutcome expected)
    {
        Assert.Equal(expected, PassingVerdicts.Judge(behavior, close));
    }

    [Fact]
    public void Judge_DefaultPolicy_IsTheTwoHalvesWithUnimplementedSkipped()
    {
        foreach (var behavior in BehaviorValues)
        {
            foreach (var close in CloseValues)
            {
                var expected = PassingVerdicts.IsUnimplemented(behavior, close) ? VerdictOutcome.Skip
                    : PassingVerdicts.IsPassingBehavior(behavior) && PassingVerdicts.IsPassingClose(close) ? VerdictOutcome.Pass : VerdictOutcome.Fail;
                Assert.Equal(expected, PassingVerdicts.Judge(behavior, close, new HashSet<Behavior>()));
            }
        }
    }

    [Theory]
    [InlineData(Behavior.NonStrict, Behavior.Ok, Behavior.NonStrict, VerdictOutcome.Fail)]
    [InlineData(Behavior.Ok, Behavior.Ok, Behavior.NonStrict, VerdictOutcome.Pass)]
    [InlineData(Behavior.Informational, Behavior.Ok, Behavior.Informational, VerdictOutcome.Fail)]
    [InlineData(Behavior.Ok, Behavior.Informational, Behavior.Informational, VerdictOutcome.Fail)]
    [InlineData(Behavior.Unimplemented, Behavior.Ok, Behavior.Unimplemented, VerdictOutcome.Fail)]
    [InlineData(Behavior.Failed, Behavior.Ok, Behavior.NonStrict, VerdictOutcome.Fail)]
    public void Judge_AlsoFailing_MakesThePolicyStricterOnly(Behavior behavior, Behavior close, Behavior alsoFailing, VerdictOutcome expected)
    {
        Assert.Equal(expected, PassingVerdicts.Judge(behavior, close, new HashSet<Behavior> { alsoFailing }));
    }
}
