namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// The octets received and not yet consumed. Appending and consuming are amortized O(1) per octet: the live data is
/// moved to the front only when that frees at least as much room as it moves, otherwise the array doubles. Section 9
/// sends 16 MiB frames in 64-octet writes, so anything quadratic would show.
/// </summary>
internal sealed class InputBuffer
{
    private byte[] buffer = new byte[4096];
    private int start;
    private int end;

    public int Length => end - start;

    /// <summary>The unconsumed octets; writable so that a frame can be unmasked in place.</summary>
    public Span<byte> Span => buffer.AsSpan(start, end - start);

    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.Length > buffer.Length - end)
        {
            var length = Length;
            if (length + data.Length <= buffer.Length / 2)
            {
                buffer.AsSpan(start, length).CopyTo(buffer);
            }
            else
            {
                var size = Math.Min(Math.Max((long)buffer.Length * 2, (long)length + data.Length), Array.MaxLength);
                var larger = new byte[size];
                buffer.AsSpan(start, length).CopyTo(larger);
                buffer = larger;
            }

            start = 0;
            end = length;
        }

        data.CopyTo(buffer.AsSpan(end));
        end += data.Length;
    }

    public void Consume(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Length);
        start += count;
        if (start == end) start = end = 0;
    }

    /// <summary>Forgets everything unconsumed (the connection is gone).</summary>
    public void Clear() => start = end = 0;
}
