namespace Autobahn.Testsuite.Cases;

/// <summary>The declarative catalog of wstest's cases, in wstest's order.</summary>
internal static partial class CaseCatalog
{
    /// <summary>All implemented cases, in wstest's order.</summary>
    public static IReadOnlyList<CaseDefinition> All => throw new NotImplementedException("catalog in progress");

    /// <summary>The case with this id.</summary>
    public static CaseDefinition Get(CaseId id) => throw new NotImplementedException("catalog in progress");
}
