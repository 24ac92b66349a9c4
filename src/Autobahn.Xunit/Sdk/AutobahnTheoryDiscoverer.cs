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
        if (Validate(testMethod, theoryAttribute) is { } error)
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

        return base.Discover(discoveryOptions, testMethod, theoryAttribute);
    }

    /// <summary>
    /// What is wrong with the theory's settings, its <see cref="AutobahnCasesAttribute"/>s and <see cref="AutobahnExpectAttribute"/>s:
    /// a pattern that is invalid or selects nothing, an invalid expectation, or two conflicting ones for a selected case.
    /// </summary>
    private static string? Validate(ITestMethod testMethod, IAttributeInfo theoryAttribute)
    {
        var theory = theoryAttribute is IReflectionAttributeInfo { Attribute: AutobahnTheoryAttribute attribute } ? attribute : null;
        return TheoryValidation.Validate(
            theory?.Concurrency ?? 0,
            theory?.TimeScale ?? 1,
            testMethod.Method.GetCustomAttributes(typeof(AutobahnCasesAttribute))
                .OfType<IReflectionAttributeInfo>().Select(a => a.Attribute).OfType<AutobahnCasesAttribute>()
                .Select(cases => (cases.Patterns, cases.Exclude)),
            () => AutobahnTestCase.ExpectationsOf(testMethod));
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
