namespace Autobahn.Testsuite.Protocol;

/// <summary>What the header checks of <see cref="FrameHeaderChecks"/> depend on besides the header itself.</summary>
/// <param name="ExpectMasked">True when the receiver is a server: every frame it receives must be masked (RFC 6455 §5.1).</param>
/// <param name="PermessageDeflate">True when permessage-deflate was negotiated, so RSV1 is defined (RFC 7692 §6).</param>
/// <param name="InsideMessage">True while a fragmented data message is open (RFC 6455 §5.4).</param>
internal readonly record struct FrameCheckContext(bool ExpectMasked, bool PermessageDeflate, bool InsideMessage);
