namespace Autobahn.Testsuite.Cases;

/// <summary>
/// The declarative catalog of wstest's cases, in wstest's order. Each section is one part of this class
/// (<c>Cases/Catalog/Section*.cs</c>), written as tables that generate <see cref="CaseDefinition"/> records,
/// as wstest's own <c>case6_x_x.py</c> and <c>case7_7_X.py</c> generate classes.
/// </summary>
internal static partial class CaseCatalog
{
    private static readonly Lazy<IReadOnlyList<CaseDefinition>> Definitions = new(Build);
    private static readonly Lazy<Dictionary<CaseId, CaseDefinition>> ById = new(() => Definitions.Value.ToDictionary(d => d.Id));

    // caseset.py keeps CasesIndices: the 1-based position of every case in the registry (case/__init__.py).
    private static readonly Lazy<Dictionary<CaseId, int>> Indices = new(() =>
        CaseTexts.All.Select((text, i) => (Id: CaseId.Parse(text.Id), Index: i + 1)).ToDictionary(x => x.Id, x => x.Index));

    // The public facts of each case, derived once from its definition.
    private static readonly Lazy<Dictionary<CaseId, CaseInfo>> InfosById = new(() => Definitions.Value.ToDictionary(d => d.Id, Derive));
    private static readonly Lazy<IReadOnlyList<CaseInfo>> AllInfos = new(() => [.. Definitions.Value.Select(d => InfosById.Value[d.Id])]);

    /// <summary>All implemented cases, in wstest's order.</summary>
    public static IReadOnlyList<CaseDefinition> All => Definitions.Value;

    /// <summary>The public facts of all implemented cases, in wstest's order.</summary>
    public static IReadOnlyList<CaseInfo> Infos => AllInfos.Value;

    /// <summary>The public facts of <paramref name="definition"/>, derived once.</summary>
    public static CaseInfo InfoOf(CaseDefinition definition) => InfosById.Value[definition.Id];

    /// <summary>The case with this id.</summary>
    /// <exception cref="KeyNotFoundException">The id is not one of wstest's cases, or its section is not implemented yet.</exception>
    public static CaseDefinition Get(CaseId id)
    {
        if (TryGet(id, out var definition)) return definition;
        throw new KeyNotFoundException(Indices.Value.ContainsKey(id)
            ? $"Case {id} is one of wstest's cases, but section {id.Section} is not implemented in this catalog yet."
            : $"Case {id} is not one of wstest's 517 cases.");
    }

    /// <summary>Looks up an implemented case.</summary>
    public static bool TryGet(CaseId id, out CaseDefinition definition) =>
        ById.Value.TryGetValue(id, out definition!);

    /// <summary>
    /// The 1-based position of <paramref name="id"/> in wstest's full list of 517 cases (the per-case JSON field
    /// <c>"case"</c>, <c>fuzzing.py</c> <c>CasesIndices</c>), whether or not the case is implemented.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The id is not one of wstest's cases.</exception>
    public static int IndexOf(CaseId id) =>
        Indices.Value.TryGetValue(id, out var index) ? index : throw new KeyNotFoundException($"Case {id} is not one of wstest's 517 cases.");

    private static CaseInfo Derive(CaseDefinition definition) => new()
    {
        Id = definition.Id,
        Index = IndexOf(definition.Id),
        Text = CaseTexts.Get(definition.Id),
        IsRacy = definition.IsRacy,
        RunsAlone = definition.RunsAlone,
        ReportsDuration = definition.ReportTime,
        ReportsCompressionRatio = definition.ReportCompressionRatio,
    };

    private static IReadOnlyList<CaseDefinition> Build()
    {
        var all = Section1Framing()
            .Concat(Section2PingsPongs())
            .Concat(Section3ReservedBits())
            .Concat(Section4Opcodes())
            .Concat(Section5Fragmentation())
            .Concat(Section6Utf8())
            .Concat(Section7Close())
            .Concat(Section9Limits())
            .Concat(Section10Misc())
            .Concat(Section12Compression())
            .Concat(Section13Compression())
            .ToArray();

        // A table edit must not reorder or invent cases: every id must be wstest's and come in registry order.
        var previous = 0;
        foreach (var definition in all)
        {
            var index = IndexOf(definition.Id);
            if (index <= previous)
            {
                throw new InvalidOperationException($"Catalog case {definition.Id} is out of wstest's order or duplicated.");
            }

            previous = index;
        }

        return all;
    }
}
