namespace Autobahn.Xunit;

// The settings of the attribute that are the same in both adapters; each adapter's part derives it from its xUnit's
// TheoryAttribute, names its discoverer and documents Concurrency (which its own test framework applies).
public sealed partial class AutobahnTheoryAttribute
{
    /// <summary>
    /// Names an environment variable that holds the URL of the server under test, e.g. <c>AUTOBAHN_SERVER_URL</c>.
    /// While it is unset or empty every row is skipped, with a reason that says what to set.
    /// </summary>
    public string? SkipUnlessEnvironment { get; set; }

    /// <summary>
    /// Multiplies every timer of the rows (wstest's values at 1), on top of <see cref="Autobahn.Testsuite.FuzzingOptions.TimeScale"/>
    /// and the <c>AUTOBAHN_TIME_SCALE</c> environment variable; e.g. 3 for a server that is slow to start. While a debugger is
    /// attached timers are 10 times longer still, so that a breakpoint in the server does not time the case out.
    /// </summary>
    public double TimeScale { get; set; } = 1;
}
