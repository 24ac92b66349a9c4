namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The texts of wstest's UNIMPLEMENTED (the peer did not take up permessage-deflate, so the case did not run), the same
/// in both adapters: the skip reason of a row (<see cref="VerdictPolicy"/>), and the failure of a call outside any row.
/// </summary>
internal static class UnimplementedText
{
    /// <summary>The skip reason of a case run against a server (wstest's fuzzingclient): the server declined the offer.</summary>
    public const string ServerDeclined =
        "UNIMPLEMENTED: the server did not accept permessage-deflate (RFC 7692), so wstest does not run this compression case";

    /// <summary>
    /// The skip reason of a case run against a client (wstest's fuzzingserver): the client offered no permessage-deflate
    /// that the case accepts (12.x and 13.1 accept any offer; 13.3–13.6 need <c>client_max_window_bits</c>).
    /// </summary>
    public const string ClientDidNotOffer =
        "UNIMPLEMENTED: the client did not offer permessage-deflate (RFC 7692) as this case needs it, so wstest does not run this compression case";

    /// <summary>The second line of the message outside a row.</summary>
    public const string OutsideRow =
        "This call is not an [AutobahnTheory] row's (pass the row's caseId argument as it is), so UNIMPLEMENTED fails instead of being reported as skipped.";

    /// <summary>The skip reason of a case whose peer was a server (<paramref name="peerIsClient"/> false) or a client.</summary>
    public static string Reason(bool peerIsClient) => peerIsClient ? ClientDidNotOffer : ServerDeclined;

    /// <summary>The failure message of UNIMPLEMENTED outside a row: the reason, then <see cref="OutsideRow"/>.</summary>
    public static string OutsideRowMessage(string reason) => reason + "\n" + OutsideRow;
}
