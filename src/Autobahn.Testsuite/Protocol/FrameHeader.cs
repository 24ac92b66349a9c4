namespace Autobahn.Testsuite.Protocol;

/// <summary>
/// A parsed WebSocket frame header (RFC 6455 §5.2), before any rule is checked.
/// </summary>
/// <param name="Fin">The FIN bit.</param>
/// <param name="Rsv">The three RSV bits as a number 0..7 (RSV1 is 4).</param>
/// <param name="Opcode">The 4-bit opcode.</param>
/// <param name="Masked">The MASK bit.</param>
/// <param name="MaskKey">The 4-byte masking key when <paramref name="Masked"/>, else null.</param>
/// <param name="PayloadLength">
/// The payload length. For the 64-bit form this is the raw value cast to <see cref="long"/>, so it is
/// negative when the most significant bit was set (see <see cref="FrameRules.IsLengthTooLarge"/>).
/// </param>
/// <param name="LengthField">The 7-bit payload length code (0..127) from byte 1; 126 and 127 select the extended forms.</param>
/// <param name="HeaderLength">Bytes in the header: 2, plus 2 or 8 extended length bytes, plus 4 when masked.</param>
internal readonly record struct FrameHeader(
    bool Fin,
    int Rsv,
    int Opcode,
    bool Masked,
    byte[]? MaskKey,
    long PayloadLength,
    int LengthField,
    int HeaderLength);
