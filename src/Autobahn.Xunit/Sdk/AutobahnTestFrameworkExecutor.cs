using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>Gives the Autobahn rows about to run their <see cref="RowPlan"/>, then runs them as xUnit does.</summary>
internal sealed class AutobahnTestFrameworkExecutor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
    : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
{
    /// <inheritdoc />
    protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
    {
        var selected = testCases.ToList();
        Plan(
            selected,
            Environment.GetEnvironmentVariable(ConcurrencyPolicy.EnvironmentVariable),
            System.Diagnostics.Debugger.IsAttached,
            Environment.ProcessorCount);
        base.RunTestCases(selected, executionMessageSink, executionOptions);
    }

    /// <summary>
    /// Groups the rows that will run (not skipped) by theory, in run order, and gives each group a plan when its degree
    /// is above 1. A degree that cannot be resolved (bad variable or attribute) becomes the rows' failure.
    /// </summary>
    internal static void Plan(IReadOnlyList<IXunitTestCase> testCases, string? environmentValue, bool debuggerAttached, int processorCount)
    {
        var theories = testCases.OfType<AutobahnTestCase>()
            .Where(t => string.IsNullOrEmpty(t.SkipReason))
            .GroupBy(t => (t.TestMethod.TestClass.Class.Name, t.TestMethod.Method.Name));
        foreach (var rows in theories)
        {
            var ordered = rows.OrderBy(t => CaseDisplay.RunOrder(t.CaseId)).ThenBy(t => t.CaseId, StringComparer.Ordinal).ToArray();
            var attribute = ordered[0].TestMethod.Method.GetCustomAttributes(typeof(AutobahnTheoryAttribute))
                .OfType<IReflectionAttributeInfo>().Select(a => a.Attribute).OfType<AutobahnTheoryAttribute>().FirstOrDefault();
            RowPlan? plan = null;
            string? error = null;
            try
            {
                var degree = ConcurrencyPolicy.Resolve(attribute?.Concurrency ?? 0, environmentValue, debuggerAttached, processorCount);
                if (degree > 1 && ordered.Length > 1) plan = new RowPlan([.. ordered.Select(t => t.CaseId)], degree);
            }
            catch (ArgumentException e)
            {
                error = e.Message;
            }

            foreach (var row in ordered)
            {
                row.Plan = plan;
                row.PlanError = error;
            }
        }
    }
}
