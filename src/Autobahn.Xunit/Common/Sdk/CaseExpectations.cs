using System.Collections.Concurrent;
using System.Reflection;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The <see cref="AutobahnExpectAttribute"/>s of a test method and of its class, and which one applies to a case:
/// method before class, then a literal id before a wildcard, then the longer pattern. Patterns match as in
/// <see cref="CaseSelection"/> (wstest's <c>caseset.py</c>).
/// </summary>
internal sealed class CaseExpectations
{
    private static readonly ConcurrentDictionary<string, IReadOnlySet<string>> PatternMatches = new(StringComparer.Ordinal);

    private readonly IReadOnlyList<CaseExpectation> method;
    private readonly IReadOnlyList<CaseExpectation> type;

    /// <summary>Creates the set from normalized expectations.</summary>
    public CaseExpectations(IReadOnlyList<CaseExpectation> method, IReadOnlyList<CaseExpectation> type)
    {
        this.method = method;
        this.type = type;
    }

    /// <summary>No expectation: every case gets the default policy.</summary>
    public static CaseExpectations None { get; } = new([], []);

    /// <summary>Whether there is no expectation at all.</summary>
    public bool IsEmpty => method.Count == 0 && type.Count == 0;

    /// <summary>Normalizes the attributes of a method and its class.</summary>
    /// <exception cref="ArgumentException">An attribute is invalid (see <see cref="CaseExpectation.From"/>) or a pattern is not a case id or valid wildcard.</exception>
    public static CaseExpectations From(IEnumerable<AutobahnExpectAttribute> methodAttributes, IEnumerable<AutobahnExpectAttribute> classAttributes)
    {
        var method = methodAttributes.Select(CaseExpectation.From).ToArray();
        var type = classAttributes.Select(CaseExpectation.From).ToArray();
        foreach (var expectation in method.Concat(type))
        {
            foreach (var pattern in expectation.Patterns)
            {
                try
                {
                    // A wildcard that names no case at all is a typo; one that names no *selected* case is fine (class-level lists).
                    if (Matches(pattern).Count == 0) throw new ArgumentException($"'{pattern}' matches none of wstest's 517 cases.");
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentException($"{expectation.Source}: {e.Message}", e);
                }
            }
        }

        return new CaseExpectations(method, type);
    }

    /// <summary>The expectations declared on <paramref name="method"/> and on <paramref name="testClass"/> (the class the test runs in).</summary>
    /// <exception cref="ArgumentException">An attribute is invalid.</exception>
    public static CaseExpectations For(MethodInfo method, Type testClass)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(testClass);
        return From(
            method.GetCustomAttributes<AutobahnExpectAttribute>(),
            testClass.GetCustomAttributes<AutobahnExpectAttribute>());
    }

    /// <summary>The expectation that applies to <paramref name="caseId"/>, or null when none matches it.</summary>
    /// <exception cref="InvalidOperationException">Two equally specific expectations declare different verdicts for the case.</exception>
    public CaseExpectation? For(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return Best(method, caseId) ?? Best(type, caseId);
    }

    private static CaseExpectation? Best(IReadOnlyList<CaseExpectation> expectations, string caseId)
    {
        var matching = expectations
            .Select(e => (Expectation: e, Specificity: e.Patterns.Where(p => Matches(p).Contains(caseId)).Select(Specificity).DefaultIfEmpty(-1).Max()))
            .Where(x => x.Specificity >= 0)
            .ToArray();
        if (matching.Length == 0) return null;

        var top = matching.Max(x => x.Specificity);
        var best = matching.Where(x => x.Specificity == top).Select(x => x.Expectation).OrderBy(e => e.Source, StringComparer.Ordinal).ToArray();
        if (best.Any(e => !e.SameVerdict(best[0])))
        {
            throw new InvalidOperationException(
                $"Case {caseId} has conflicting expectations: {string.Join(" and ", best.Select(e => e.Source))}; make one of them more specific.");
        }

        return best[0];
    }

    /// <summary>A literal id beats any wildcard; among wildcards the longer one is more specific.</summary>
    private static int Specificity(string pattern) => pattern.Contains('*') ? pattern.Length : 10_000;

    private static IReadOnlySet<string> Matches(string pattern) =>
        PatternMatches.GetOrAdd(pattern, p => CaseSelection.Resolve([p], implementedOnly: false).Select(id => id.Text).ToHashSet(StringComparer.Ordinal));
}
