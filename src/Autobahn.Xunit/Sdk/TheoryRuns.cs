using Xunit.Abstractions;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The theory runs of rows run without the Autobahn test framework (which gives each run its own,
/// <see cref="AutobahnTestMethodRunner"/>): one per theory for the life of the process.
/// </summary>
internal static class TheoryRuns
{
    /// <summary>The run of <paramref name="testMethod"/>'s theory in this process.</summary>
    public static TheoryRun For(ITestMethod testMethod) =>
        TheoryRun.ForProcess(testMethod.TestClass.Class.Name + "." + testMethod.Method.Name);
}
