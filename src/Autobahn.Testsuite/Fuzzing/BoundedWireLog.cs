namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// A case's wire log with a bound: the first <see cref="HeadRows"/> rows and the last <see cref="TailRows"/> rows.
/// wstest keeps every row (<c>fuzzing.py</c> appends to a list); a server that floods the fuzzer with frames would
/// then grow it by several rows per frame for the whole case. Legitimate cases log a few hundred rows at most (9.x,
/// 12.x and 13.x switch the log off), so only a flood ever loses rows. Where rows were left out, two wstest-native
/// "WLM" rows (wire log off, then on again) mark the gap, as wstest's report shows a switched-off log.
/// </summary>
internal sealed class BoundedWireLog
{
    public const int HeadRows = 10_000;
    public const int TailRows = 1_000;

    private readonly List<WireLogEntry> head = [];
    private readonly Queue<WireLogEntry> tail = new();
    private long dropped;

    public void Add(WireLogEntry entry)
    {
        if (head.Count < HeadRows)
        {
            head.Add(entry);
            return;
        }

        tail.Enqueue(entry);
        if (tail.Count > TailRows)
        {
            tail.Dequeue();
            dropped++;
        }
    }

    public WireLogEntry[] ToArray()
    {
        if (dropped == 0) return [.. head, .. tail];
        var first = tail.Peek().AtMilliseconds;
        return
        [
            .. head,
            new WirelogSwitchLogEntry { Enabled = false, AtMilliseconds = head[^1].AtMilliseconds },
            new WirelogSwitchLogEntry { Enabled = true, AtMilliseconds = first },
            .. tail,
        ];
    }
}
