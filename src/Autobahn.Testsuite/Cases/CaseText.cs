namespace Autobahn.Testsuite.Cases;

/// <summary>wstest's texts of one case: category, subgroup, description and expectation, verbatim (typos included).</summary>
public sealed record CaseText(string Id, string Category, string Group, string Description, string Expectation);
