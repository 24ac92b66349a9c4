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
public sealed partial class AutobahnTheoryAttribute : TheoryAttribute
{
    /// <summary>
    /// How many of the rows may run at once under the package's test framework (<c>Autobahn.Xunit.Sdk.AutobahnTestFramework</c>,
    /// named for the test assembly by the package's build files): 0 (the default) for twice the processor count, at most
    /// 8; 1 to run them one after another. Each row still runs, times and reports itself. The <c>AUTOBAHN_CONCURRENCY</c>
    /// environment variable overrides it; with a debugger attached rows run one at a time; section 9 always runs alone.
    /// </summary>
    public int Concurrency { get; set; }
}
