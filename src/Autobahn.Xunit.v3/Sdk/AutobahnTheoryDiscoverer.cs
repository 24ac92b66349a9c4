using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// Discovers an <see cref="AutobahnTheoryAttribute"/> method: one <see cref="AutobahnTestCase"/> per row, always
/// enumerated at discovery (a row holds a case id string only, so it always serializes), so that every case shows up
/// in <c>-list</c>, <c>--list-tests</c> and Test Explorer. When the settings, case patterns or expectations are wrong,
/// discovery yields one test that fails with the reason, instead of xUnit's fallback of one theory for all rows.
/// </summary>
internal sealed class AutobahnTheoryDiscoverer : TheoryDiscoverer
{
    /// <inheritdoc />
    public override async ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        IXunitTestMethod testMethod,
        IFactAttribute factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        if (factAttribute is not AutobahnTheoryAttribute theory) return await base.Discover(discoveryOptions, testMethod, factAttribute);

        if (Validate(testMethod, theory) is { } error) return [Failing(discoveryOptions, testMethod, theory, error)];

        var testCases = new List<IXunitTestCase>();
        var disposalTracker = new DisposalTracker();
        try
        {
            foreach (var data in testMethod.DataAttributes)
            {
                foreach (var row in await data.GetData(testMethod.Method, disposalTracker))
                {
                    var arguments = testMethod.ResolveMethodArguments(row.GetData());
                    testCases.AddRange(await CreateTestCasesForDataRow(discoveryOptions, testMethod, theory, row, arguments, index: null));
                }
            }
        }
        catch (Exception e)
        {
            return [Failing(discoveryOptions, testMethod, theory, e.Message)];
        }
        finally
        {
            await disposalTracker.DisposeAsync();
        }

        return testCases.Count == 0
            ? [Failing(discoveryOptions, testMethod, theory, "has no rows: add [AutobahnCases(...)].")]
            : testCases;
    }

    /// <inheritdoc />
    protected override ValueTask<IReadOnlyCollection<IXunitTestCase>> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        IXunitTestMethod testMethod,
        ITheoryAttribute theoryAttribute,
        ITheoryDataRow dataRow,
        object?[] testMethodArguments,
        string? index)
    {
        ArgumentNullException.ThrowIfNull(dataRow);
        var details = TestIntrospectionHelper.GetTestCaseDetailsForTheoryDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, testMethodArguments, index);
        var caseId = testMethodArguments is [string id, ..] ? id : string.Empty;
        IXunitTestCase testCase = new AutobahnTestCase(
            details.ResolvedTestMethod,
            dataRow.TestDisplayName ?? details.TestCaseDisplayName,
            RowTraits.OrderPrefix(caseId) + details.UniqueID,
            details.Explicit,
            dataRow.Label,
            dataRow.DisableParallelization ?? false,
            details.SkipExceptions,
            details.SkipReason,
            details.SkipType,
            details.SkipUnless,
            details.SkipWhen,
            TestIntrospectionHelper.GetTraits(testMethod, dataRow),
            testMethodArguments,
            details.SourceFilePath,
            details.SourceLineNumber,
            details.Timeout);
        return new([testCase]);
    }

    /// <summary>
    /// What is wrong with the theory's settings, its <see cref="AutobahnCasesAttribute"/>s and <see cref="AutobahnExpectAttribute"/>s:
    /// a pattern that is invalid or selects nothing, an invalid expectation, or two conflicting ones for a selected case.
    /// </summary>
    private static string? Validate(IXunitTestMethod testMethod, AutobahnTheoryAttribute theory) =>
        TheoryValidation.Validate(
            theory.Concurrency,
            theory.TimeScale,
            testMethod.DataAttributes.OfType<AutobahnCasesAttribute>().Select(cases => (cases.Patterns, cases.Exclude)),
            () => CaseExpectations.For(testMethod.Method, testMethod.TestClass.Class));

    /// <summary>The one test of a theory whose settings are wrong: it fails with <paramref name="error"/>.</summary>
    private static ExecutionErrorTestCase Failing(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, AutobahnTheoryAttribute theory, string error)
    {
        var details = TestIntrospectionHelper.GetTestCaseDetails(discoveryOptions, testMethod, theory);
        return new ExecutionErrorTestCase(
            details.ResolvedTestMethod,
            details.TestCaseDisplayName,
            details.UniqueID,
            details.SourceFilePath,
            details.SourceLineNumber,
            $"{testMethod.TestClass.TestClassName}.{testMethod.MethodName}: {error}");
    }
}
