using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// Discovers an <see cref="AutobahnTheoryAttribute"/> method: one <see cref="AutobahnTestCase"/> per row. When the case
/// patterns of an <see cref="AutobahnCasesAttribute"/> are wrong, discovery yields one test that fails with the reason,
/// instead of throwing: xUnit v2 would otherwise silently collapse all rows into a single test.
/// </summary>
internal sealed class AutobahnTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod,
        IAttributeInfo theoryAttribute)
    {
        foreach (var attribute in testMethod.Method.GetCustomAttributes(typeof(AutobahnCasesAttribute)))
        {
            if (attribute is not IReflectionAttributeInfo { Attribute: AutobahnCasesAttribute cases }) continue;
            string? error;
            try
            {
                error = cases.ResolveCases().Count == 0 ? $"{cases} selects no implemented case." : null;
            }
            catch (Exception e)
            {
                error = $"{cases}: {e.Message}";
            }

            if (error is not null)
            {
                return
                [
                    new ExecutionErrorTestCase(
                        DiagnosticMessageSink,
                        discoveryOptions.MethodDisplayOrDefault(),
                        discoveryOptions.MethodDisplayOptionsOrDefault(),
                        testMethod,
                        $"{testMethod.TestClass.Class.Name}.{testMethod.Method.Name}: {error}"),
                ];
            }
        }

        return base.Discover(discoveryOptions, testMethod, theoryAttribute);
    }

    /// <inheritdoc />
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod,
        IAttributeInfo theoryAttribute,
        object[] dataRow) =>
        [new AutobahnTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, dataRow)];

    /// <inheritdoc />
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForSkippedDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod,
        IAttributeInfo theoryAttribute,
        object[] dataRow,
        string skipReason) =>
        [new AutobahnTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, dataRow, skipReason)];
}
