using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Servers;

/// <summary>
/// The defect of a <see cref="MutantServer"/>. The default value is a correct RFC 6455 echo server; each property
/// breaks one rule, so a test can drive one verdict path of wstest (<c>case/case.py</c> <c>onConnectionLost</c>).
/// </summary>
internal sealed record MutantOptions
{
    /// <summary>A server without defects.</summary>
    public static MutantOptions Correct { get; } = new();

    /// <summary>Spoils the opening handshake.</summary>
    public HandshakeDefect Handshake { get; init; }

    /// <summary>Never checks that text messages are UTF-8 (RFC 6455 §8.1): invalid text is echoed.</summary>
    public bool NoUtf8Validation { get; init; }

    /// <summary>Checks UTF-8 only when a text message is complete, not as its octets arrive (no fail-fast: 6.4.x NON-STRICT).</summary>
    public bool Utf8ValidationPerMessageOnly { get; init; }

    /// <summary>Accepts frames with RSV bits set (RFC 6455 §5.2 requires failing) and echoes the message with RSV 0.</summary>
    public bool IgnoreRsv { get; init; }

    /// <summary>Accepts frames with RSV bits set and echoes the message with the same RSV bits.</summary>
    public bool EchoReservedBits { get; init; }

    /// <summary>Answers every ping with two pongs (RFC 6455 §5.5.2 asks for one).</summary>
    public bool AnswerPingsTwice { get; init; }

    /// <summary>
    /// Encodes the length of the data frames it sends in this many extended octets (2 or 8) whatever the length, so a
    /// short echo uses a non-minimal form (RFC 6455 §5.2: "the minimal number of bytes MUST be used"). 0: minimal.
    /// </summary>
    public int DataFrameLengthOctets { get; init; }

    /// <summary>Masks the frames it sends (RFC 6455 §5.1: a server MUST NOT mask).</summary>
    public bool MasksFrames { get; init; }

    /// <summary>Echoes each message only after this delay, and not at all if the connection started closing meanwhile.</summary>
    public TimeSpan EchoDelay { get; init; }

    /// <summary>The close code it fails the connection with on a protocol error; null sends a close frame without a code.</summary>
    public int? ProtocolErrorCloseCode { get; init; } = CloseCodes.ProtocolError;

    /// <summary>The close code it fails the connection with on invalid UTF-8; null sends a close frame without a code.</summary>
    public int? InvalidPayloadCloseCode { get; init; } = CloseCodes.InvalidPayload;

    /// <summary>Echoes any close code it receives, even invalid ones (RFC 6455 §7.4), instead of failing with 1002.</summary>
    public bool NoCloseCodeValidation { get; init; }

    /// <summary>Echoes the close reason with the close code (a correct server replies with the code only).</summary>
    public bool EchoCloseReason { get; init; }

    /// <summary>Fails the connection by closing TCP without sending a close frame (RFC 6455 §7.1.7 wants a close frame).</summary>
    public bool DropsTcpOnError { get; init; }

    /// <summary>Ignores the client's close frame: no reply, TCP stays open.</summary>
    public bool NeverRepliesToClose { get; init; }

    /// <summary>Answers the client's close frame by closing TCP, without a close reply.</summary>
    public bool DropsTcpOnClose { get; init; }

    /// <summary>
    /// Answers only its first this many connections; after them it accepts TCP, reads and never answers (a server that
    /// hangs mid-run, deadlocked or overloaded). Null: it answers every connection.
    /// </summary>
    public int? AnswersConnections { get; init; }

    /// <summary>Keeps TCP open after the closing handshake (RFC 6455 §7.1.1: the server should close it first).</summary>
    public bool NeverClosesTcp { get; init; }
}
