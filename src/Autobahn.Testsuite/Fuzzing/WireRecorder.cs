using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// wstest's wire log and octet/frame statistics (<c>fuzzing.py</c> <c>logRxOctets</c>, <c>logTxOctets</c>,
/// <c>logRxFrame</c>, <c>logTxFrame</c>, <c>enableWirelog</c>): rows are only written while the log is on; the
/// statistics are always kept. Time is the core's: <see cref="Now"/> is set on every input.
/// </summary>
internal sealed class WireRecorder
{
    private readonly BoundedWireLog log = new();
    private readonly Dictionary<int, int> rxOctetStats = [];
    private readonly Dictionary<int, int> txOctetStats = [];
    private readonly Dictionary<int, int> rxFrameStats = [];
    private readonly Dictionary<int, int> txFrameStats = [];

    /// <summary>Time since the connection was made; stamps every row.</summary>
    public TimeSpan Now { get; set; }

    /// <summary>Whether rows are written (<c>createWirelog</c>).</summary>
    public bool Enabled { get; set; } = true;

    public void RxOctets(ReadOnlySpan<byte> chunk)
    {
        Count(rxOctetStats, chunk.Length);
        if (Enabled) Add(new OctetsLogEntry { Received = true, Length = chunk.Length, Hex = Display.Hex(chunk) });
    }

    public void TxOctets(ReadOnlySpan<byte> bytes, bool sync)
    {
        Count(txOctetStats, bytes.Length);
        if (Enabled) Add(new OctetsLogEntry { Received = false, Length = bytes.Length, Hex = Display.Hex(bytes), Sync = sync });
    }

    public void RxFrame(FrameHeader header, long received, byte[] kept)
    {
        Count(rxFrameStats, header.Opcode);
        if (Enabled)
        {
            var key = header.MaskKey is { } k ? Convert.ToHexStringLower(k) : null;
            Add(new ReceivedFrameLogEntry
            {
                Length = (int)Math.Min(received, int.MaxValue),
                Payload = Display.Payload(kept),
                Opcode = header.Opcode,
                Fin = header.Fin,
                Rsv = header.Rsv,
                Masked = header.Masked,
                MaskKey = key,
            });
        }
    }

    public void TxFrame(int opcode, ReadOnlySpan<byte> payload, bool fin, int rsv, byte[]? mask, long? payloadLength, int? chopSize, bool sync)
    {
        Count(txFrameStats, opcode);
        if (Enabled)
        {
            var key = mask is null ? null : Convert.ToHexStringLower(mask);
            Add(new SentFrameLogEntry
            {
                Length = payload.Length,
                Payload = Display.Payload(payload),
                Opcode = opcode,
                Fin = fin,
                Rsv = rsv,
                MaskKey = key,
                PayloadLength = payloadLength,
                ChopSize = chopSize,
                Sync = sync,
            });
        }
    }

    /// <summary>wstest's <c>enableWirelog</c>: a change of state is itself logged as a "WLM" row.</summary>
    public void EnableLogged(bool enable)
    {
        if (enable == Enabled) return;
        Enabled = enable;
        Add(new WirelogSwitchLogEntry { Enabled = enable });
    }

    /// <summary>A case timer armed: written whether the log is on or not, as in wstest.</summary>
    public void TimerArmed(CaseTimer timer, double seconds, string? tag = null) =>
        Add(new CaseTimerLogEntry { Timer = timer, Expired = false, Seconds = seconds, Tag = tag });

    /// <summary>A case timer expired: written whether the log is on or not, as in wstest.</summary>
    public void TimerExpired(CaseTimer timer, string? tag = null) => Add(new CaseTimerLogEntry { Timer = timer, Expired = true, Tag = tag });

    public IReadOnlyList<WireLogEntry> Rows() => log.ToArray();

    public IReadOnlyDictionary<int, int> RxOctetStats => new Dictionary<int, int>(rxOctetStats);

    public IReadOnlyDictionary<int, int> TxOctetStats => new Dictionary<int, int>(txOctetStats);

    public IReadOnlyDictionary<int, int> RxFrameStats => new Dictionary<int, int>(rxFrameStats);

    public IReadOnlyDictionary<int, int> TxFrameStats => new Dictionary<int, int>(txFrameStats);

    private void Add(WireLogEntry entry) => log.Add(entry with { AtMilliseconds = Now.TotalMilliseconds });

    private static void Count(Dictionary<int, int> stats, int key) => stats[key] = stats.GetValueOrDefault(key) + 1;
}
