using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit;

/// <summary>
/// The rows of an Autobahn theory: one per case selected by wstest's case patterns (its <c>"cases"</c> and
/// <c>"exclude-cases"</c>), in wstest's order. Each row has one argument, the case id string.
/// </summary>
/// <example><code>
/// [AutobahnTheory]
/// [AutobahnCases("*", Exclude = "9.*")]
/// public Task Conforms(string caseId) => AutobahnRunner.RunAsync(caseId, server.Url);
/// </code></example>
// This part is the same in both adapters; each adapter's part derives it from its xUnit's DataAttribute and makes the
// rows (GetData).
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed partial class AutobahnCasesAttribute
{
    /// <summary>Selects the cases matching <paramref name="patterns"/>: ids ("2.2") or wildcards ("6.4.*", "*"); all cases when none is given.</summary>
    /// <param name="patterns">wstest's case patterns.</param>
    public AutobahnCasesAttribute(params string[] patterns)
    {
        Patterns = patterns is null || patterns.Length == 0 ? ["*"] : patterns;
    }

    /// <summary>The case patterns.</summary>
    public IReadOnlyList<string> Patterns { get; }

    /// <summary>Case patterns to leave out, separated by commas, e.g. <c>"9.*, 12.*"</c>.</summary>
    public string? Exclude { get; set; }

    /// <inheritdoc />
    public override string ToString() => CasePatterns.Describe(Patterns, Exclude);
}
