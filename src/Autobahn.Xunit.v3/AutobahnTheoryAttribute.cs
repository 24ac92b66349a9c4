using System.Runtime.CompilerServices;
using Autobahn.Xunit.Sdk;
using Xunit;
using Xunit.v3;

namespace Autobahn.Xunit;

/// <summary>
/// A theory whose rows are Autobahn cases (give them with <see cref="AutobahnCasesAttribute"/>). Each row is named
/// <c>2.2 · Send ping with small text payload.</c> and carries the traits <c>AutobahnSection</c> (e.g. "6"),
/// <c>AutobahnCategory</c> (e.g. "UTF-8 Handling") and <c>AutobahnCase</c> (e.g. "6.4.3"), for <c>--filter</c>,
/// the test executable's <c>-trait</c> and Test Explorer's grouping.
/// </summary>
[XunitTestCaseDiscoverer(typeof(AutobahnTheoryDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed partial class AutobahnTheoryAttribute(
    [CallerFilePath] string? sourceFilePath = null,
    [CallerLineNumber] int sourceLineNumber = -1)
    : TheoryAttribute(sourceFilePath, sourceLineNumber)
{
    /// <summary>
    /// How many of the rows' cases may run at once: 0 (the default) for twice the processor count, at most 8; 1 to run
    /// them one after another. The <c>AUTOBAHN_CONCURRENCY</c> environment variable overrides it; with a debugger
    /// attached cases run one at a time; section 9 always runs alone, after the theory's other rows. Rows run
    /// concurrently through the package's test framework (<see cref="Sdk.AutobahnTestFramework"/>, named for the test
    /// assembly by the package's build files); without it they run one after another.
    /// </summary>
    public int Concurrency { get; set; }
}
