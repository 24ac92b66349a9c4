using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Tests.Servers;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Expectations;

/// <summary>
/// Expectations against real sessions over loopback: a server that validates UTF-8 only per message gets NON-STRICT
/// in 6.4.x (it cannot fail fast), a correct one gets OK. The declared expectation accepts exactly one of them.
/// </summary>
public sealed class MutantServerExpectationTests
{
    /// <summary>Timers at a fifth of wstest's, as in the engine's mutant tests.</summary>
    private static readonly FuzzingOptions Fast = new() { TimeScale = 0.2 };

    private static readonly AutobahnExpectAttribute NonStrict = new("6.4.*", Behavior.NonStrict, "we validate UTF-8 per message");

    [Fact]
    public async Task NonStrictServer_DeclaredNonStrict_Passes()
    {
        await using var server = MutantServer.Start(new MutantOptions { Utf8ValidationPerMessageOnly = true });

        var result = await RunAsync(server.Url, NonStrict);

        Assert.Equal(Behavior.NonStrict, result.Behavior);
    }

    [Fact]
    public async Task CorrectServer_DeclaredNonStrict_FailsBecauseItIsNowOk()
    {
        await using var server = MutantServer.Start();

        var e = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => RunAsync(server.Url, NonStrict));

        Assert.Equal(Behavior.Ok, e.Result?.Behavior);
        Assert.StartsWith("Expectation no longer holds: case 6.4.1 is expected NON-STRICT (\"we validate UTF-8 per message\"", e.Message);
        Assert.Contains("but is now OK; remove or update the expectation.", e.Message);
    }

    [Fact]
    public async Task NonStrictServer_DeclaredOk_FailsBecauseItIsNowNonStrict()
    {
        await using var server = MutantServer.Start(new MutantOptions { Utf8ValidationPerMessageOnly = true });

        var e = await Assert.ThrowsAsync<AutobahnCaseFailedException>(
            () => RunAsync(server.Url, new AutobahnExpectAttribute("6.4.1", Behavior.Ok, "we fail fast on invalid UTF-8")));

        Assert.Contains("is expected OK (\"we fail fast on invalid UTF-8\"", e.Message);
        Assert.Contains("but is now NON-STRICT;", e.Message);
    }

    [Fact]
    public async Task WrongCloseCodeServer_DeclaredWrongCode_Passes_WithoutItFails()
    {
        // Fails the connection with 1000 instead of 1007 on invalid UTF-8: 6.3.1 gets behaviorClose WRONG CODE.
        await using var server = MutantServer.Start(new MutantOptions { InvalidPayloadCloseCode = 1000 });

        var declared = await RunAsync(server.Url, new AutobahnExpectAttribute("6.3.*", Behavior.WrongCode, "we close with 1000"), "6.3.1");
        var undeclared = await Assert.ThrowsAsync<AutobahnCaseFailedException>(() => RunAsync(server.Url, expectation: null, "6.3.1"));

        Assert.Equal(Behavior.WrongCode, declared.BehaviorClose);
        Assert.Equal(Behavior.WrongCode, undeclared.Result?.BehaviorClose);
        Assert.DoesNotContain("no longer holds", undeclared.Message);
    }

    private static async Task<CaseResult> RunAsync(Uri url, AutobahnExpectAttribute? expectation, string caseId = "6.4.1")
    {
        var expectations = CaseExpectations.From(expectation is null ? [] : [expectation], []);
        var row = new RowSettings(() => expectations, timeScale: 1, new TheoryRun());
        var runner = new CaseRunner(Fuzzer.RunCaseAsync, report: null);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await runner.RunAsync(caseId, url, Fast, row, guard.Token);
    }
}
