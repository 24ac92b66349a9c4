using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// xUnit's own test framework, plus concurrent Autobahn rows: the rows of one <see cref="AutobahnTheoryAttribute"/>
/// theory run at most <see cref="AutobahnTheoryAttribute.Concurrency"/> at a time, each timed and reported on its own.
/// The package's build files name it for the test assembly
/// (<c>[assembly: TestFramework("Autobahn.Xunit.Sdk.AutobahnTestFramework", "Autobahn.Xunit")]</c>); set the MSBuild
/// property <c>AutobahnXunitTestFramework</c> to <c>false</c> to keep another framework (rows then run one at a time).
/// </summary>
/// <remarks>
/// Why a test framework: in xUnit v2 only a test method runner sees the rows of a theory that will run (after
/// <c>--filter</c> or a Test Explorer selection) and runs them; the runner comes from the framework.
/// </remarks>
public sealed class AutobahnTestFramework : XunitTestFramework
{
    /// <summary>Created by xUnit from the assembly attribute.</summary>
    /// <param name="messageSink">xUnit's diagnostic message sink.</param>
    public AutobahnTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
    }

    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new AutobahnTestFrameworkExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
}
