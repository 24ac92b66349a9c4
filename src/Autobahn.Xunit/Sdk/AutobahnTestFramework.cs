using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// xUnit's own test framework, plus concurrent Autobahn rows. Opt in with
/// <c>[assembly: TestFramework("Autobahn.Xunit.Sdk.AutobahnTestFramework", "Autobahn.Xunit")]</c>.
/// </summary>
/// <remarks>
/// Why a test framework: running the following rows ahead needs to know which rows will run, after <c>--filter</c> or a
/// selection in Test Explorer. In xUnit v2 only the executor sees that list (<c>RunTestCases</c>); a test case, its
/// discoverer or its runner never does. Guessing from discovery would run cases the user filtered out against their
/// server — and hit the breakpoints of someone debugging one case. Without the attribute, rows run one after another.
/// </remarks>
internal sealed class AutobahnTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new AutobahnTestFrameworkExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
}
