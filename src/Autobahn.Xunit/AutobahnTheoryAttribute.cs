using Xunit;
using Xunit.Sdk;

namespace Autobahn.Xunit;

/// <summary>
/// A theory whose rows are Autobahn cases (give them with <see cref="AutobahnCasesAttribute"/>). Each row is named
/// <c>2.2 · Send ping with small text payload.</c> and carries the traits <c>AutobahnSection</c> (e.g. "6"),
/// <c>AutobahnCategory</c> (e.g. "UTF-8 Handling") and <c>AutobahnCase</c> (e.g. "6.4.3"), for <c>--filter</c> and
/// Test Explorer's grouping.
/// </summary>
[XunitTestCaseDiscoverer("Autobahn.Xunit.Sdk.AutobahnTheoryDiscoverer", "Autobahn.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AutobahnTheoryAttribute : TheoryAttribute
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

    /// <summary>
    /// How many of the rows may run at once under the package's test framework (<c>Autobahn.Xunit.Sdk.AutobahnTestFramework</c>,
    /// named for the test assembly by the package's build files): 0 (the default) for twice the processor count, at most
    /// 8; 1 to run them one after another. Each row still runs, times and reports itself. The <c>AUTOBAHN_CONCURRENCY</c>
    /// environment variable overrides it; with a debugger attached rows run one at a time; section 9 always runs alone.
    /// </summary>
    public int Concurrency { get; set; }
}
