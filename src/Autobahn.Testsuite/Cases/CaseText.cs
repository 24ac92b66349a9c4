namespace Autobahn.Testsuite.Cases;

/// <summary>wstest's texts of one case: category, subgroup, description and expectation, verbatim (typos included).</summary>
public sealed record CaseText
{
    /// <summary>The case id, such as "1.1.1".</summary>
    public required string Id { get; init; }

    /// <summary>wstest's category text of the case.</summary>
    public required string Category { get; init; }

    /// <summary>wstest's subgroup text of the case.</summary>
    public required string Group { get; init; }

    /// <summary>wstest's description of the case.</summary>
    public required string Description { get; init; }

    /// <summary>wstest's expectation text of the case.</summary>
    public required string Expectation { get; init; }
}
