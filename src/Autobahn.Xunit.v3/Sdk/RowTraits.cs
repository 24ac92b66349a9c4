using System.Globalization;
using Autobahn.Testsuite.Cases;
using Xunit;

namespace Autobahn.Xunit.Sdk;

/// <summary>What a row of an Autobahn theory says about itself at discovery: its name, traits, skip reason and whether it may run beside others.</summary>
internal static class RowTraits
{
    /// <summary>Trait holding the section number, e.g. "6".</summary>
    public const string SectionTrait = "AutobahnSection";

    /// <summary>Trait holding the section name, e.g. "UTF-8 Handling".</summary>
    public const string CategoryTrait = "AutobahnCategory";

    /// <summary>Trait holding the case id, e.g. "6.4.3".</summary>
    public const string CaseTrait = "AutobahnCase";

    /// <summary>
    /// The row of <paramref name="caseId"/>. Cases that must run alone (section 9: they measure throughput) opt out of
    /// xUnit's parallelization, which then runs them after the parallel rows, one at a time and beside no other test.
    /// </summary>
    public static TheoryDataRow Row(string caseId, string? skipReason) => new(caseId)
    {
        TestDisplayName = CaseDisplay.DisplayName(caseId),
        Traits = Of(caseId),
        Skip = skipReason,
        DisableParallelization = ConcurrencyPolicy.MayRunConcurrently(caseId) ? null : true,
    };

    /// <summary>The traits of <paramref name="caseId"/>.</summary>
    public static Dictionary<string, HashSet<string>> Of(string caseId)
    {
        var traits = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [CaseTrait] = [caseId],
        };
        if (CaseId.TryParse(caseId, out var id)) traits[SectionTrait] = [id.Section.ToString(CultureInfo.InvariantCulture)];
        if (CaseDisplay.TryGetText(caseId) is { } text) traits[CategoryTrait] = [text.Category];
        return traits;
    }

    /// <summary>Why the rows of <paramref name="theory"/> are skipped: its <see cref="AutobahnTheoryAttribute.SkipUnlessEnvironment"/> variable is unset or empty; else null.</summary>
    public static string? EnvironmentSkipReason(AutobahnTheoryAttribute? theory)
    {
        var variable = theory?.SkipUnlessEnvironment;
        return string.IsNullOrEmpty(variable) || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable))
            ? null
            : AutobahnTheoryAttribute.EnvironmentSkipReason(variable);
    }

    /// <summary>
    /// Prefixed to a row's unique id: the case's position in wstest's list, so that xUnit's default orderer (which sorts
    /// test cases by unique id) runs the rows in wstest's order instead of a hash order.
    /// </summary>
    public static string OrderPrefix(string caseId) =>
        CaseDisplay.RunOrder(caseId).ToString("D4", CultureInfo.InvariantCulture) + "-";
}
