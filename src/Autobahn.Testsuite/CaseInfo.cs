using System.Diagnostics.CodeAnalysis;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite;

/// <summary>
/// What the catalog knows about one of wstest's cases, for a front end that lists, names, orders, schedules or
/// compares cases: its id, its position in wstest's list, its texts, and the facts that change how it is run or
/// shown. Each fact is derived once, in the catalog, from the case's definition; a front end reads it here instead
/// of keeping its own list of ids or section rule.
/// </summary>
public sealed record CaseInfo
{
    /// <summary>The case id.</summary>
    public required CaseId Id { get; init; }

    /// <summary>
    /// The 1-based position of the case in wstest's list of 517, which is wstest's run order (the report's field
    /// <c>case</c>, <see cref="CaseResult.Index"/>).
    /// </summary>
    public required int Index { get; init; }

    /// <summary>wstest's texts of the case: category, group, description and expectation.</summary>
    public required CaseText Text { get; init; }

    /// <summary>
    /// Whether the verdict's behavior may come out OK or NON-STRICT depending on timing on a concurrent server: the case
    /// sends a valid message, then an invalid frame, and the echo of the first may or may not come back before the
    /// server fails the connection (wstest issue #102: 3.2–3.4, 4.1.3–4.1.5, 4.2.3–4.2.5 and 5.15). Either is a pass.
    /// </summary>
    public required bool IsRacy { get; init; }

    /// <summary>
    /// Whether the case must not run beside other cases (section 9, limits and performance: up to 16 MiB messages, and
    /// its durations are what people read). wstest runs every case alone.
    /// </summary>
    public required bool RunsAlone { get; init; }

    /// <summary>Whether wstest's reports show the case's duration (<c>reportTime</c>: sections 9, 12 and 13).</summary>
    public required bool ReportsDuration { get; init; }

    /// <summary>Whether wstest's reports show the case's compression ratios (<c>reportCompressionRatio</c>: sections 12 and 13).</summary>
    public required bool ReportsCompressionRatio { get; init; }

    /// <summary>Every case this library implements, in wstest's order.</summary>
    public static IReadOnlyList<CaseInfo> All => CaseCatalog.Infos;

    /// <summary>The case with the id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">The id is not one of wstest's cases, or the case is not implemented.</exception>
    public static CaseInfo Get(CaseId id) => CaseCatalog.InfoOf(CaseCatalog.Get(id));

    /// <summary>Looks up the case with the id <paramref name="caseId"/>, e.g. <c>"6.4.3"</c>.</summary>
    /// <returns>False when the text is not a case id, or not the id of a case this library implements.</returns>
    public static bool TryGet(string? caseId, [NotNullWhen(true)] out CaseInfo? info)
    {
        info = CaseId.TryParse(caseId, out var id) && CaseCatalog.TryGet(id, out var definition) ? CaseCatalog.InfoOf(definition) : null;
        return info is not null;
    }
}
