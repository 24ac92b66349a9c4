using System.Text.RegularExpressions;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Control;

/// <summary>
/// wstest's <c>exclude-agent-cases</c> (<c>caseset.py</c> <c>checkAgentCaseExclude</c>): agent and case patterns are
/// anchored at both ends; only <c>.</c> (made literal) and <c>*</c> (any text) are translated, the rest stays
/// regular-expression syntax (<c>parseExcludeAgentCases</c>).
/// </summary>
internal static class AgentCaseExclusions
{
    public static bool Excludes(IReadOnlyDictionary<string, IReadOnlyList<string>> exclusions, string agent, CaseId id) =>
        exclusions.Any(rule => Matches(rule.Key, agent) && rule.Value.Any(pattern => Matches(pattern, id.Text)));

    private static bool Matches(string pattern, string text) =>
        Regex.IsMatch(
            text,
            "^" + pattern.Replace(".", "\\.", StringComparison.Ordinal).Replace("*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
}
