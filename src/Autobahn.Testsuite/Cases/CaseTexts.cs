using System.Reflection;

namespace Autobahn.Testsuite.Cases;

/// <summary>
/// The texts of all 517 wstest v0.8.2 cases, in wstest's order, read from the embedded <c>case-texts.tsv</c>
/// (id, category, group, description, expectation; from the DESCRIPTION/EXPECTATION of <c>case/*.py</c>).
/// </summary>
internal static class CaseTexts
{
    private static readonly Lazy<IReadOnlyList<CaseText>> AllTexts = new(Load);
    private static readonly Lazy<Dictionary<string, CaseText>> ById = new(() => AllTexts.Value.ToDictionary(t => t.Id, StringComparer.Ordinal));

    /// <summary>All texts in wstest's order.</summary>
    public static IReadOnlyList<CaseText> All => AllTexts.Value;

    /// <summary>The texts of one case.</summary>
    public static CaseText Get(CaseId id) =>
        ById.Value.TryGetValue(id.Text, out var text) ? text : throw new KeyNotFoundException($"Case {id} is not one of wstest's 517 cases.");

    private static IReadOnlyList<CaseText> Load()
    {
        using var stream = typeof(CaseTexts).Assembly.GetManifestResourceStream("Autobahn.Testsuite.Cases.case-texts.tsv")
            ?? throw new InvalidOperationException("The embedded case-texts.tsv is missing.");
        using var reader = new StreamReader(stream);
        var texts = new List<CaseText>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            texts.Add(new CaseText { Id = f[0], Category = f[1], Group = f[2], Description = f[3], Expectation = f[4] });
        }

        return texts;
    }
}
