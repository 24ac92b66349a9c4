using System.Text.RegularExpressions;

namespace Autobahn.Testsuite.Cases;

/// <summary>
/// Resolves wstest's case patterns (the <c>"cases"</c> / <c>"exclude-cases"</c> lists of <c>fuzzingclient.json</c>) to case ids,
/// as <c>caseset.py</c> <c>parseSpecCases</c> does.
/// </summary>
public static class CaseSelection
{
    private static readonly Lazy<CaseId[]> AllIds = new(() => [.. CaseTexts.All.Select(t => CaseId.Parse(t.Id))]);

    /// <summary>
    /// The ids selected by <paramref name="patterns"/> minus those selected by <paramref name="excludePatterns"/>, sorted by id.
    /// A pattern containing <c>*</c> is a regular expression after <c>.</c> → <c>\.</c> and <c>*</c> → <c>.*</c>, matched at the
    /// start of the id only (Python's <c>re.match</c>): <c>"2.1*"</c> selects 2.1, 2.10 and 2.11, <c>"1*"</c> selects sections
    /// 1, 10, 12 and 13. A pattern without <c>*</c> is one literal id.
    /// </summary>
    /// <param name="patterns">The patterns to include, e.g. <c>"*"</c>, <c>"6.4.*"</c>, <c>"2.2"</c>.</param>
    /// <param name="excludePatterns">Patterns whose ids are removed from the selection.</param>
    /// <param name="implementedOnly">Leave out ids whose cases this library does not implement yet.</param>
    /// <returns>The selected ids, distinct and in wstest's run order.</returns>
    /// <exception cref="ArgumentException">A literal id is not one of wstest's 517 cases, or a pattern is not a valid expression.</exception>
    public static IReadOnlyList<CaseId> Resolve(IEnumerable<string> patterns, IEnumerable<string>? excludePatterns = null, bool implementedOnly = true)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var selected = new HashSet<CaseId>(patterns.SelectMany(p => Match(p, nameof(patterns))));
        selected.ExceptWith((excludePatterns ?? []).SelectMany(p => Match(p, nameof(excludePatterns))));
        var result = implementedOnly ? selected.Where(id => CaseCatalog.TryGet(id, out _)) : selected;
        return [.. result.Order()];
    }

    private static IEnumerable<CaseId> Match(string pattern, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(pattern, parameterName);
        if (!pattern.Contains('*'))
        {
            // wstest does not check literal ids and crashes with a KeyError when the case is looked up; we fail up front.
            var literal = AllIds.Value.Where(id => id.Text == pattern).ToArray();
            return literal.Length == 1
                ? literal
                : throw new ArgumentException($"'{pattern}' is not one of wstest's 517 case ids (use e.g. \"2.2\", \"6.4.*\" or \"*\").", parameterName);
        }

        // caseset.py resolveCasePatternList: only '.' and '*' are translated; the rest stays regular-expression syntax.
        var expression = "^(?:" + pattern.Replace(".", "\\.", StringComparison.Ordinal).Replace("*", ".*", StringComparison.Ordinal) + ")";
        Regex regex;
        try
        {
            regex = new Regex(expression, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Case pattern '{pattern}' is not a valid expression: {e.Message}", parameterName, e);
        }

        return AllIds.Value.Where(id => regex.IsMatch(id.Text));
    }
}
