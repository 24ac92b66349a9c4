using Autobahn.Testsuite.Cases;
using Autobahn.Wstest.Tool.Cli;

namespace Autobahn.Wstest.Tool.Specs;

/// <summary>
/// The spec's <c>"cases"</c> and <c>"exclude-cases"</c> resolved as wstest's <c>caseset.py</c> <c>parseSpecCases</c>
/// does (through the engine's <see cref="CaseSelection"/>): a pattern with <c>*</c> is matched at the start of the id
/// only (<c>"2.1*"</c> selects 2.1, 2.10 and 2.11; <c>"1*"</c> sections 1, 10, 12 and 13), a pattern without one is a
/// literal id; the exclusions are removed and the rest sorted in wstest's order. Unlike wstest, an unknown literal id or
/// an include pattern that selects nothing is an error here, up front.
/// </summary>
internal static class CasePatterns
{
    /// <summary>The case ids selected by <paramref name="cases"/> minus <paramref name="excludeCases"/>, in wstest's order.</summary>
    /// <exception cref="UsageException">A pattern is an unknown id, not a valid expression, or selects nothing.</exception>
    public static IReadOnlyList<CaseId> Resolve(IReadOnlyList<string> cases, IReadOnlyList<string> excludeCases)
    {
        try
        {
            foreach (var pattern in cases)
            {
                if (CaseSelection.Resolve([pattern]).Count == 0) throw new UsageException($"spec: case pattern \"{pattern}\" in \"cases\" selects no case");
            }

            foreach (var pattern in excludeCases) _ = CaseSelection.Resolve([pattern]);
            var selected = CaseSelection.Resolve(cases, excludeCases);
            return selected.Count > 0 ? selected : throw new UsageException("spec: \"exclude-cases\" leaves no case to run");
        }
        catch (ArgumentException e)
        {
            throw new UsageException("spec: " + e.Message.Split(" (Parameter", 2)[0], e);
        }
    }
}
