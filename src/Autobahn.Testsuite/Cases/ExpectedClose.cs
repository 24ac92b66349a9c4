namespace Autobahn.Testsuite.Cases;

/// <summary>
/// wstest's <c>expectedClose</c>: who must start the close, the acceptable server close codes, whether the
/// close must be clean, and (UTF-8 cases) whether a close by the wrong endpoint fails the case itself.
/// <c>CloseCodes[0]</c> is the code the fuzzer sends when the expected events are complete.
/// </summary>
public sealed record ExpectedClose(
    bool ClosedByMe,
    IReadOnlyList<int> CloseCodes,
    bool RequireClean,
    bool ClosedByWrongEndpointIsFatal = false);
