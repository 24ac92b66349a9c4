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
        if (theoryAttribute is IReflectionAttributeInfo { Attribute: AutobahnTheoryAttribute theory })
        {
            if (theory.Concurrency < 0) return $"Concurrency = {theory.Concurrency}: use 0 (default), 1 (one case at a time) or more.";
            if (!double.IsFinite(theory.TimeScale) || theory.TimeScale <= 0) return $"TimeScale = {theory.TimeScale.ToString(System.Globalization.CultureInfo.InvariantCulture)}: use a positive number (1 is wstest's timing).";
        }

        var selected = new List<string>();
        foreach (var attribute in testMethod.Method.GetCustomAttributes(typeof(AutobahnCasesAttribute)))
        {
            if (attribute is not IReflectionAttributeInfo { Attribute: AutobahnCasesAttribute cases }) continue;
            try
            {
                var ids = cases.ResolveCases();
                if (ids.Count == 0) return $"{cases} selects no implemented case.";
                selected.AddRange(ids.Select(id => id.Text));
            }
            catch (Exception e)
            {
                return $"{cases}: {e.Message}";
            }
        }

        try
        {
            var expectations = AutobahnTestCase.ExpectationsOf(testMethod);
            foreach (var id in selected) _ = expectations.For(id);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return e.Message;
        }

        return null;
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
