using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Cases;

/// <summary>
/// One Autobahn case as data: its id and texts, what to send when the connection opens, what to expect.
/// Defined in <see cref="CaseCatalog"/>; executed by the fuzzing session; judged by the verdict functions.
/// <see cref="DeflateOffers"/> are the permessage-deflate offers of the opening handshake (12.x/13.x only).
/// </summary>
internal sealed record CaseDefinition(
    CaseId Id,
    IReadOnlyList<CaseStep> OnOpen,
    IReadOnlyList<CaseOutcome> Expected,
    ExpectedClose ExpectedClose,
    CaseVerdictRule Rule = CaseVerdictRule.Standard,
    bool SuppressClose = false,
    EchoCheck? Echo = null,
    IReadOnlyList<PerMessageDeflateOffer>? DeflateOffers = null)
{
    /// <summary>Whether wstest reports the case's duration (sections 9, 12, 13).</summary>
    public bool ReportTime => Echo is not null;

    /// <summary>wstest's description text (HTML fragments kept verbatim).</summary>
    public string Description => CaseTexts.Get(Id).Description;

    /// <summary>wstest's expectation text.</summary>
    public string Expectation => CaseTexts.Get(Id).Expectation;
}
