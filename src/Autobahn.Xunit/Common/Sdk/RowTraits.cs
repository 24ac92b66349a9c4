using System.Globalization;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// What a row of an Autobahn theory says about itself at discovery, in both adapters: its traits, its skip reason while
/// <see cref="AutobahnTheoryAttribute.SkipUnlessEnvironment"/>'s variable is unset, and the prefix of its unique id.
/// </summary>
internal static class RowTraits
{
    /// <summary>Trait holding the section number, e.g. "6".</summary>
    public const string SectionTrait = "AutobahnSection";

    /// <summary>Trait holding the section name, e.g. "UTF-8 Handling".</summary>
    public const string CategoryTrait = "AutobahnCategory";

    /// <summary>Trait holding the case id, e.g. "6.4.3".</summary>
    public const string CaseTrait = "AutobahnCase";

    /// <summary>The traits of <paramref name="caseId"/>, by name: the case always; section and category when the id is wstest's.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Of(string caseId)
    {
        yield return new(CaseTrait, caseId);
        if (CaseId.TryParse(caseId, out var id)) yield return new(SectionTrait, id.Section.ToString(CultureInfo.InvariantCulture));
        if (CaseDisplay.TryGetText(caseId) is { } text) yield return new(CategoryTrait, text.Category);
    }

    /// <summary>
    /// Why the rows of a theory whose <see cref="AutobahnTheoryAttribute.SkipUnlessEnvironment"/> is
    /// <paramref name="variable"/> are skipped: the variable is unset or empty; else (or without a variable) null.
    /// </summary>
    public static string? EnvironmentSkipReason(string? variable) =>
        string.IsNullOrEmpty(variable) || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable))
            ? null
            : $"Set {variable}=ws://127.0.0.1:9001/ to run the suite against your server";

    /// <summary>
    /// Prefixed to a row's unique id: the case's position in wstest's list, so that xUnit's default orderer (which sorts
    /// test cases by unique id) runs the rows in wstest's order instead of a hash order.
    /// </summary>
    public static string OrderPrefix(string caseId) =>
        CaseDisplay.RunOrder(caseId).ToString("D4", CultureInfo.InvariantCulture) + "-";
}
