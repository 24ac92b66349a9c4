using System.Reflection;
using Autobahn.Xunit.Sdk;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Autobahn.Xunit;

// The xUnit v3 part of the attribute; its patterns and the rest are in Common/AutobahnCasesAttribute.cs.
public sealed partial class AutobahnCasesAttribute : DataAttribute
{
    /// <summary>
    /// One row per selected case: named <c>2.2 · Send ping with small text payload.</c>, with the traits
    /// <c>AutobahnSection</c>, <c>AutobahnCategory</c> and <c>AutobahnCase</c>; skipped while the theory's
    /// <see cref="AutobahnTheoryAttribute.SkipUnlessEnvironment"/> variable is unset; cases that must run alone
    /// (section 9) opt out of parallelization.
    /// </summary>
    /// <param name="testMethod">The theory.</param>
    /// <param name="disposalTracker">Unused: the rows hold strings only.</param>
    /// <returns>The rows, in wstest's order.</returns>
    /// <exception cref="ArgumentException">A pattern is not a case id or a valid wildcard.</exception>
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var skip = RowTraits.EnvironmentSkipReason(testMethod.GetCustomAttribute<AutobahnTheoryAttribute>()?.SkipUnlessEnvironment);
        IReadOnlyCollection<ITheoryDataRow> rows = [.. CasePatterns.Resolve(Patterns, Exclude).Select(id => Row(id.Text, skip))];
        return new(rows);
    }

    /// <inheritdoc />
    public override bool SupportsDiscoveryEnumeration() => true;

    /// <summary>
    /// The row of <paramref name="caseId"/>. Cases that must run alone (section 9: they measure throughput) opt out of
    /// xUnit's parallelization, which then runs them after the parallel rows, one at a time and beside no other test.
    /// </summary>
    private static TheoryDataRow Row(string caseId, string? skipReason) => new(caseId)
    {
        // The label names the row where xUnit shows a label (e.g. the method's name plus "[2.2]"); the display name wins elsewhere.
        Label = caseId,
        TestDisplayName = CaseDisplay.DisplayName(caseId),
        Traits = RowTraits.Of(caseId).ToDictionary(t => t.Key, t => new HashSet<string> { t.Value }, StringComparer.OrdinalIgnoreCase),
        Skip = skipReason,
        DisableParallelization = ConcurrencyPolicy.MayRunConcurrently(caseId) ? null : true,
    };
}
