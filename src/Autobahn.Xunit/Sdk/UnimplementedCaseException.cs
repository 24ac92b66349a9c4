using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// wstest's UNIMPLEMENTED (the peer did not accept permessage-deflate, so the case did not run). xUnit v2 has no dynamic
/// skip: an Autobahn row's message bus reports the failure this exception causes as a skip with <see cref="Reason"/>
/// (the <c>SkippableFact</c> pattern of xUnit's samples); anywhere else it is a failure with a message that says so.
/// </summary>
internal sealed class UnimplementedCaseException(string reason, bool inRow)
    : XunitException(inRow ? reason : reason + "\n" + OutsideRow)
{
    /// <summary>The second line of the message outside a row.</summary>
    public const string OutsideRow =
        "This call is not an [AutobahnTheory] row's (pass the row's caseId argument as it is), so UNIMPLEMENTED fails instead of being reported as skipped.";

    /// <summary>The skip reason.</summary>
    public string Reason { get; } = reason;
}
