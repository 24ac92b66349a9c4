using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// A server frame being received: its header, how much payload has arrived, and the payload kept for the wire log
/// (all of it for control frames, the first 64 octets otherwise — wstest logs no more).
/// </summary>
internal sealed class ReceivedFrame(FrameHeader header)
{
    private const int LoggedPrefix = 64;
    private readonly ByteBuffer kept = new();

    public FrameHeader Header { get; } = header;

    public long Received { get; set; }

    public byte[] Kept => kept.ToArray();

    public void Keep(ReadOnlySpan<byte> payload, bool keepAll)
    {
        if (keepAll)
        {
            kept.Append(payload);
            return;
        }

        var room = LoggedPrefix - kept.Length;
        if (room > 0) kept.Append(payload[..Math.Min(room, payload.Length)]);
    }
}
