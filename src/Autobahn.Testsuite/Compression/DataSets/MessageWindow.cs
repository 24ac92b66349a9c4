namespace Autobahn.Testsuite.Compression.DataSets;

/// <summary>
/// The messages one case of sections 12 and 13 sends: wstest's <c>sendOne</c> (<c>case/case12_x_x.py</c>), which
/// cuts consecutive windows of <c>LEN</c> units out of a data set, wrapping around its end.
/// </summary>
/// <remarks>
/// <para>
/// wstest computes <c>idxTo = (ptr + LEN) % N</c> and takes <c>payload[idxFrom:idxTo]</c> when
/// <c>idxTo &gt; idxFrom</c>, else <c>payload[idxFrom:] + payload[:idxTo]</c>; the pointer becomes
/// <c>idxTo</c>. This is ported exactly, quirks included: a window wraps at most once, so a <c>LEN</c> larger than
/// N gives messages of <c>LEN mod N</c> units, and a <c>LEN</c> that is a multiple of N gives the whole data set
/// (N units) rotated to the pointer. wstest's echo check compares the echo's
/// length with <c>LEN</c>, not with the message's, so such a case could never pass there; the sizes wstest uses
/// (16 to 131072) are all smaller than every data set.
/// </para>
/// <para>
/// Text data sets are decoded as UTF-8 and windowed in code points (Python 2 wide unicode), then re-encoded, so a
/// message can have more bytes than <c>LEN</c>. Re-encoding valid UTF-8 gives the same bytes back, so the window
/// is a byte range found through the data set's precomputed code point offsets: no decoding per message.
/// </para>
/// <para>The pointer starts at 0 for every case (wstest's <c>init</c>). An instance is not thread-safe.</para>
/// </remarks>
internal sealed class MessageWindow
{
    private readonly CompressionDataSet dataSet;
    private readonly ReadOnlyMemory<byte> bytes;
    private readonly int[]? offsets;
    private readonly int count;
    private byte[]? wrapBuffer;

    /// <summary>Creates the window over <paramref name="dataSet"/>, pointer at 0.</summary>
    /// <param name="dataSet">The data set the case sends.</param>
    /// <param name="length">wstest's <c>LEN</c>: units per message (bytes or code points); 0 sends empty messages as wstest does.</param>
    public MessageWindow(CompressionDataSet dataSet, int length)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        this.dataSet = dataSet;
        bytes = dataSet.Bytes;
        offsets = dataSet.IsBinary ? null : dataSet.CodePointOffsets;
        count = dataSet.Length;
        if (count == 0 && length > 0)
        {
            // Python's % would raise ZeroDivisionError.
            throw new ArgumentException($"The data set '{dataSet.Key}' is empty.", nameof(dataSet));
        }

        Length = length;
    }

    /// <summary>wstest's <c>LEN</c>; also what wstest compares the echo's length with.</summary>
    public int Length { get; }

    /// <summary>True when messages are binary, false for text (the data set's wstest <c>binary</c> flag).</summary>
    public bool IsBinary => dataSet.IsBinary;

    /// <summary>wstest's <c>payloadRXPtr</c>: where the next window starts, in units.</summary>
    public int Pointer { get; private set; }

    /// <summary>The length of the last message from <see cref="Next"/> in wstest's units (code points for text, bytes for binary).</summary>
    public int LastMessageLength { get; private set; }

    /// <summary>Returns the next message (a new array) and advances the pointer.</summary>
    public byte[] Next() => NextView().ToArray();

    /// <summary>
    /// Returns the next message without copying and advances the pointer: a slice of the data set, or, when the
    /// window wraps around the end, an internal buffer that the next call overwrites. Use it before calling again.
    /// </summary>
    /// <remarks>Sections 12 and 13 send 1000 messages of up to 128 KiB per case; this keeps them off the large object heap.</remarks>
    public ReadOnlyMemory<byte> NextView()
    {
        if (Length == 0)
        {
            LastMessageLength = 0;
            return ReadOnlyMemory<byte>.Empty;
        }

        var from = Pointer;
        var to = (int)(((long)from + Length) % count);
        ReadOnlyMemory<byte> message;
        if (to > from)
        {
            // payload[idxFrom:idxTo]
            var start = ByteOffset(from);
            message = bytes[start..ByteOffset(to)];
            LastMessageLength = to - from;
        }
        else
        {
            // payload[idxFrom:] + payload[:idxTo]
            var tailStart = ByteOffset(from);
            var tailLength = bytes.Length - tailStart;
            var headLength = ByteOffset(to);
            var total = tailLength + headLength;
            if (wrapBuffer is null || wrapBuffer.Length < total)
            {
                wrapBuffer = new byte[total];
            }

            bytes.Span.Slice(tailStart, tailLength).CopyTo(wrapBuffer);
            bytes.Span[..headLength].CopyTo(wrapBuffer.AsSpan(tailLength));
            message = wrapBuffer.AsMemory(0, total);
            LastMessageLength = count - from + to;
        }

        Pointer = to;
        return message;
    }

    /// <summary>
    /// The length of a received payload in wstest's units, as its echo check measures it (<c>len(msg)</c> after
    /// <c>msg.decode('utf-8')</c> for text). For text the payload must be valid UTF-8 (the protocol layer has checked it).
    /// </summary>
    public int MeasureLength(ReadOnlySpan<byte> payload)
    {
        if (IsBinary)
        {
            return payload.Length;
        }

        var count = 0;
        foreach (var b in payload)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }

    private int ByteOffset(int unit) => offsets is null ? unit : offsets[unit];
}
