using Autobahn.Testsuite.Cases;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class VerdictPolicyTests
{
    [Theory]
    [InlineData(Behavior.Ok, Behavior.Ok, "Pass")]
    [InlineData(Behavior.NonStrict, Behavior.Ok, "Pass")]
    [InlineData(Behavior.Informational, Behavior.Informational, "Pass")]
    [InlineData(Behavior.Unimplemented, Behavior.Unimplemented, "Skip")]
    [InlineData(Behavior.Failed, Behavior.Ok, "Fail")]
    [InlineData(Behavior.Ok, Behavior.Failed, "Fail")]
    [InlineData(Behavior.Ok, Behavior.WrongCode, "Fail")]
    [InlineData(Behavior.Ok, Behavior.Unclean, "Fail")]
    [InlineData(Behavior.Ok, Behavior.FailedByClient, "Fail")]
    [InlineData(Behavior.Ok, Behavior.NonStrict, "Fail")]
    public void Decide_NoExpectation_IsTheDefaultPolicy(Behavior behavior, Behavior close, string outcome)
    {
        var decision = VerdictPolicy.Decide(Results.Case2_2(behavior, close), expectation: null);

        Assert.Equal(Enum.Parse<RowOutcome>(outcome), decision.Outcome);
    }

    [Fact]
    public void Decide_UnimplementedAgainstAServer_SaysTheServerDeclined()
    {
        var decision = VerdictPolicy.Decide(Results.Case2_2(Behavior.Unimplemented, Behavior.Unimplemented), expectation: null);

        // Byte for byte: golden tests and users' discovery scripts match this text.
        Assert.Equal("UNIMPLEMENTED: the server did not accept permessage-deflate (RFC 7692), so wstest does not run this compression case", decision.Message);
    }

    [Fact]
    public void Decide_UnimplementedAgainstAClient_SaysTheClientDidNotOffer()
    {
        var result = Results.Case2_2(Behavior.Unimplemented, Behavior.Unimplemented);
        result = result with { Transcript = result.Transcript with { IsServer = true } };

        var decision = VerdictPolicy.Decide(result, expectation: null);

        Assert.Equal(RowOutcome.Skip, decision.Outcome);
        Assert.Equal(UnimplementedText.ClientDidNotOffer, decision.Message);
        Assert.DoesNotContain("server", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoExpectationFailing_IsTheCaseReport()
    {
        var result = Results.Case2_2(Behavior.Failed);

        Assert.Equal(CaseFailureMessage.Format(result), VerdictPolicy.Decide(result, null).Message);
    }

    [Theory]
    // Declared NON-STRICT: exactly NON-STRICT with a passing close.
    [InlineData(Behavior.NonStrict, null, Behavior.NonStrict, Behavior.Ok, "Pass")]
    [InlineData(Behavior.NonStrict, null, Behavior.Ok, Behavior.Ok, "Fail")]
    [InlineData(Behavior.NonStrict, null, Behavior.Failed, Behavior.Ok, "Fail")]
    [InlineData(Behavior.NonStrict, null, Behavior.NonStrict, Behavior.Unclean, "Fail")]
    // Declared OK: NON-STRICT is a regression.
    [InlineData(Behavior.Ok, null, Behavior.Ok, Behavior.Ok, "Pass")]
    [InlineData(Behavior.Ok, null, Behavior.NonStrict, Behavior.Ok, "Fail")]
    // Declared FAILED: accepted, and fixing it fails until the expectation goes.
    [InlineData(Behavior.Failed, null, Behavior.Failed, Behavior.Ok, "Pass")]
    [InlineData(Behavior.Failed, null, Behavior.Ok, Behavior.Ok, "Fail")]
    [InlineData(Behavior.Failed, null, Behavior.Failed, Behavior.Failed, "Fail")]
    [InlineData(Behavior.Failed, Behavior.Failed, Behavior.Failed, Behavior.Failed, "Pass")]
    [InlineData(Behavior.Failed, Behavior.WrongCode, Behavior.Failed, Behavior.WrongCode, "Pass")]
    // Declared close only: the behavior follows the default policy.
    [InlineData(null, Behavior.WrongCode, Behavior.Ok, Behavior.WrongCode, "Pass")]
    [InlineData(null, Behavior.WrongCode, Behavior.NonStrict, Behavior.WrongCode, "Pass")]
    [InlineData(null, Behavior.WrongCode, Behavior.Ok, Behavior.Ok, "Fail")]
    [InlineData(null, Behavior.WrongCode, Behavior.Failed, Behavior.WrongCode, "Fail")]
    [InlineData(null, Behavior.Unclean, Behavior.Ok, Behavior.Unclean, "Pass")]
    // Declared UNIMPLEMENTED: passes instead of being skipped; implementing it fails until the expectation goes.
    [InlineData(Behavior.Unimplemented, null, Behavior.Unimplemented, Behavior.Unimplemented, "Pass")]
    [InlineData(Behavior.Unimplemented, null, Behavior.Ok, Behavior.Ok, "Fail")]
    // An expectation for something else: UNIMPLEMENTED no longer holds it.
    [InlineData(Behavior.Ok, null, Behavior.Unimplemented, Behavior.Unimplemented, "Fail")]
    public void Decide_Expectation_HoldsOnlyForExactlyTheDeclaredVerdict(Behavior? declared, Behavior? declaredClose, Behavior behavior, Behavior close, string outcome)
    {
        var expectation = new CaseExpectation(["2.2"], declared, declaredClose, "why", "[AutobahnExpect(\"2.2\")]");

        var decision = VerdictPolicy.Decide(Results.Case2_2(behavior, close), expectation);

        Assert.Equal(Enum.Parse<RowOutcome>(outcome), decision.Outcome);
    }

    [Fact]
    public void Decide_DeclaredNonStrictNowOk_SaysSoAndWhatToDo()
    {
        var expectation = CaseExpectation.From(new AutobahnExpectAttribute("2.*", Behavior.NonStrict, "we validate UTF-8 per message"));

        var decision = VerdictPolicy.Decide(Results.Case2_2(Behavior.Ok), expectation);

        Assert.Equal(RowOutcome.Fail, decision.Outcome);
        Assert.StartsWith(
            "Expectation no longer holds: case 2.2 is expected NON-STRICT (\"we validate UTF-8 per message\", " +
            "[AutobahnExpect(\"2.*\", Behavior.NonStrict, \"we validate UTF-8 per message\")]) but is now OK; remove or update the expectation.\n" +
            "Case 2.2 · Send ping with small text payload.\n" +
            "Verdict: behavior OK (Received expected events.), close OK (Connection was properly closed)",
            decision.Message);
    }

    [Fact]
    public void Decide_DeclaredNonStrictNowFailed_SaysSoThenTheCaseReport()
    {
        var expectation = CaseExpectation.From(new AutobahnExpectAttribute("2.2", Behavior.NonStrict, "why"));
        var result = Results.Case2_2(Behavior.Failed, Behavior.WrongCode);

        var decision = VerdictPolicy.Decide(result, expectation);

        var lines = decision.Message!.Split('\n', 2);
        Assert.Equal(
            "Expectation no longer holds: case 2.2 is expected NON-STRICT (\"why\", [AutobahnExpect(\"2.2\", Behavior.NonStrict, \"why\")]) " +
            "but is now FAILED, close WRONG CODE; remove or update the expectation.",
            lines[0]);
        Assert.Equal(CaseFailureMessage.Format(result), lines[1]);
    }

    [Fact]
    public void Decide_DeclaredCloseNowOk_DescribesTheDeclaredClose()
    {
        var expectation = CaseExpectation.From(new AutobahnExpectAttribute("2.2", Behavior.WrongCode, "we echo close codes"));

        var decision = VerdictPolicy.Decide(Results.Case2_2(Behavior.Ok, Behavior.Ok), expectation);

        Assert.StartsWith("Expectation no longer holds: case 2.2 is expected close WRONG CODE (\"we echo close codes\", ", decision.Message);
    }
}
