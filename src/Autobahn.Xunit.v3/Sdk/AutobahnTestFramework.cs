using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// xUnit v3's own test framework, plus concurrent Autobahn rows: the rows of one <see cref="AutobahnTheoryAttribute"/>
/// theory run at most <see cref="AutobahnTheoryAttribute.Concurrency"/> at a time, each timed and reported on its own;
/// every other test runs exactly as xUnit runs it. The package's build files name it for the test assembly
/// (<c>[assembly: TestFramework(typeof(Autobahn.Xunit.Sdk.AutobahnTestFramework))]</c>); set the MSBuild property
/// <c>AutobahnXunitTestFramework</c> to <c>false</c> to keep another framework (rows then run one at a time).
/// </summary>
/// <remarks>
/// Why a test framework: xUnit v3 runs the rows of a method in parallel only in its parallel mode "all", which is an
/// assembly-wide setting that would also run the user's other tests in parallel. The class runner this framework
/// brings turns it on for Autobahn theories alone (<see cref="AutobahnTestClassRunner"/>).
/// </remarks>
public sealed class AutobahnTestFramework : XunitTestFramework
{
    private readonly string? configFileName;

    /// <summary>Created by xUnit from the assembly attribute.</summary>
    public AutobahnTestFramework()
    {
    }

    /// <summary>Created by xUnit with the test assembly's configuration file.</summary>
    /// <param name="configFileName">The optional xunit.runner.json path.</param>
    public AutobahnTestFramework(string? configFileName)
        : base(configFileName)
    {
        this.configFileName = configFileName;
    }

    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(Assembly assembly) =>
        new AutobahnTestFrameworkExecutor(new XunitTestAssembly(assembly, configFileName));
}
