namespace Autobahn.Testsuite.Protocol;

/// <summary>
/// WebSocket frame opcodes (RFC 6455 §5.2, §11.8) and their classification.
/// Opcodes are plain <see cref="int"/>s rather than an enum because the fuzzer sends
/// reserved and out-of-range values on purpose.
/// </summary>
internal static class Opcodes
{
    /// <summary>Continuation frame (RFC 6455 §5.4).</summary>
    public const int Continuation = 0;

    /// <summary>Text frame (RFC 6455 §5.6).</summary>
    public const int Text = 1;

    /// <summary>Binary frame (RFC 6455 §5.6).</summary>
    public const int Binary = 2;

    /// <summary>Close frame (RFC 6455 §5.5.1).</summary>
    public const int Close = 8;

    /// <summary>Ping frame (RFC 6455 §5.5.2).</summary>
    public const int Ping = 9;

    /// <summary>Pong frame (RFC 6455 §5.5.3).</summary>
    public const int Pong = 10;

    /// <summary>
    /// True for control opcodes: the most significant opcode bit is set (RFC 6455 §5.5),
    /// the same test as autobahn's <c>frame_opcode &gt; 7</c> (protocol.py processDataHybi).
    /// </summary>
    public static bool IsControl(int opcode) => opcode > 7;

    /// <summary>True for the reserved non-control opcodes 0x3-0x7 (RFC 6455 §5.2).</summary>
    public static bool IsReservedData(int opcode) => opcode is >= 3 and <= 7;

    /// <summary>True for the reserved control opcodes 0xB-0xF (RFC 6455 §5.2).</summary>
    public static bool IsReservedControl(int opcode) => opcode is >= 11 and <= 15;
}
