using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Cases;

/// <summary>
/// One Autobahn case as data: its id and texts, what to send when the connection opens, what to expect.
/// Defined in <see cref="CaseCatalog"/>; executed by the fuzzing session; judged by the verdict functions.
/// <see cref="DeflateOffers"/> are the permessage-deflate offers of the opening handshake (12.x/13.x only).
/// Every other fact about a case that a front end, the reports or the verdicts need is a property here, derived from
/// the table row or set by it, so that no consumer restates a list of ids or a section-number rule.
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
    /// <summary>
    /// Whether the verdict may flip between OK and NON-STRICT on a concurrent server: the case sends a valid message
    /// and then an invalid frame, and the echo of the first may or may not come back before the server fails the
    /// connection (wstest issue #102; set by the rows of 3.2–3.4, 4.1.3–4.1.5, 4.2.3–4.2.5 and 5.15).
    /// </summary>
    public bool IsRacy { get; init; }

    /// <summary>
    /// The case's <c>SERVER_ACCEPT</c>: how the fuzzer in the server role answers a client's permessage-deflate offers
    /// (<c>case12_x_x.py</c>: <c>accept_deflate</c> for 12.x, <c>accept1</c>..<c>accept7</c> for 13.1–13.7); every other
    /// case keeps the factory's decline-all. Set by the rows of sections 12 and 13.
    /// </summary>
    public DeflateAccept ServerAccept { get; init; } = DeflateAccept.DeclineAll;

    /// <summary>
    /// Whether the case must not run beside other cases: section 9 (limits and performance: messages up to 16 MiB,
    /// and its durations are what people read) runs alone, as in wstest. Set by the rows of section 9.
    /// </summary>
    public bool RunsAlone { get; init; }

    /// <summary>
    /// wstest's <c>reportTime</c>: whether the index shows the case's duration. Set by every case that judges its
    /// echoes itself, 9.x (<c>case9_*.py</c>, <c>case9_7_X.py</c>) and 12.x/13.x (<c>case12_x_x.py</c> <c>init</c>).
    /// </summary>
    public bool ReportTime => Echo is not null;

    /// <summary>
    /// wstest's <c>reportCompressionRatio</c>: whether the index shows the compression ratios (12.x/13.x,
    /// <c>case12_x_x.py</c>, the compressed round trips).
    /// </summary>
    public bool ReportCompressionRatio => Echo is CompressedRoundTripCheck;

    /// <summary>
    /// Whether the report shows <c>expectedClose</c> even when the connection never opened: 12.x/13.x set it in
    /// <c>init</c> (<c>case12_x_x.py</c>), every other case in <c>onOpen</c>.
    /// </summary>
    public bool ExpectedCloseSetBeforeOpen => Echo is CompressedRoundTripCheck;

    /// <summary>
    /// Whether the case switches its wire log off from <c>onOpen</c> until the first echo, without a "WLM" row
    /// (9.1–9.6, <c>case9_1_1.py</c>: the first echo decides).
    /// </summary>
    public bool WirelogOffUntilFirstEcho => Echo is SingleEchoCheck;

    /// <summary>
    /// The frames the fuzzer itself must transmit, by opcode (wstest's <c>txFrameStats</c>), for a case whose verdict
    /// checks them (<see cref="CaseVerdictRule.AutoFragmentFrameCount"/>, 10.1.1); null for every other case.
    /// </summary>
    public IReadOnlyDictionary<int, int>? ExpectedTxFrameStats { get; init; }

    /// <summary>wstest's description text (HTML fragments kept verbatim).</summary>
    public string Description => CaseTexts.Get(Id).Description;

    /// <summary>wstest's expectation text.</summary>
    public string Expectation => CaseTexts.Get(Id).Expectation;
}
