using Autobahn.Testsuite.Cases;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The case patterns of an <see cref="AutobahnCasesAttribute"/> (wstest's <c>"cases"</c> and <c>"exclude-cases"</c>):
/// which cases they select and how the attribute reads in a message. Pure functions, shared by both adapters.
/// </summary>
internal static class CasePatterns
{
    /// <summary>The patterns of <paramref name="exclude"/>, separated by commas, e.g. <c>"9.*, 12.*"</c>; none when null.</summary>
    public static string[] SplitExclude(string? exclude) =>
        (exclude ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The selected, implemented case ids, in wstest's order.</summary>
    /// <exception cref="ArgumentException">A pattern is not a case id or a valid wildcard.</exception>
    public static IReadOnlyList<CaseId> Resolve(IReadOnlyList<string> patterns, string? exclude) =>
        CaseSelection.Resolve(patterns, SplitExclude(exclude), implementedOnly: true);

    /// <summary>The attribute as written: <c>[AutobahnCases("*", Exclude = "9.*")]</c>.</summary>
    public static string Describe(IReadOnlyList<string> patterns, string? exclude) =>
        "[AutobahnCases(" + string.Join(", ", patterns.Select(p => $"\"{p}\"")) + (exclude is null ? string.Empty : $", Exclude = \"{exclude}\"") + ")]";
}
