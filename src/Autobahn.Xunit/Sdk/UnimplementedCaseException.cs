using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// wstest's UNIMPLEMENTED (the peer did not accept permessage-deflate, so the case did not run). xUnit v2 has no dynamic
/// skip: an Autobahn row's message bus reports the failure this exception causes as a skip with <see cref="Reason"/>
/// (the <c>SkippableFact</c> pattern of xUnit's samples); anywhere else it is a failure with a message that says so.
/// </summary>
internal sealed class UnimplementedCaseException(string reason, bool inRow)
    : XunitException(inRow ? reason : UnimplementedText.OutsideRowMessage(reason))
{
    /// <summary>The skip reason.</summary>
    public string Reason { get; } = reason;
}
