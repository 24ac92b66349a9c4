namespace Autobahn.Testsuite.Cases;

/// <summary>
/// wstest's <c>expectedClose</c>: who must start the close, the acceptable server close codes, whether the
/// close must be clean, and (UTF-8 cases) whether a close by the wrong endpoint fails the case itself.
/// <c>CloseCodes[0]</c> is the code the fuzzer sends when the expected events are complete.
/// </summary>
public sealed record ExpectedClose
{
    /// <summary>Whether the fuzzer (wstest's "me") must start the close.</summary>
    public required bool ClosedByMe { get; init; }

    /// <summary>The acceptable server close codes; the first is the code the fuzzer sends.</summary>
    public required IReadOnlyList<int> CloseCodes { get; init; }

    /// <summary>Whether the close must be clean.</summary>
    public required bool RequireClean { get; init; }

    /// <summary>Whether a close by the wrong endpoint fails the case itself (UTF-8 cases); false by default.</summary>
    public bool ClosedByWrongEndpointIsFatal { get; init; }
}
