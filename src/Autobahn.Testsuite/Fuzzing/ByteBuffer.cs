namespace Autobahn.Testsuite.Fuzzing;

/// <summary>A growable byte buffer that is appended at the end and consumed at the front.</summary>
internal sealed class ByteBuffer
{
    private byte[] buffer = new byte[256];
    private int start;
    private int end;

    public int Length => end - start;

    public ReadOnlySpan<byte> Span => buffer.AsSpan(start, end - start);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        if (end + bytes.Length > buffer.Length)
        {
            var length = Length;
            if (length + bytes.Length <= buffer.Length / 2)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, length);
            }
            else
            {
                var grown = new byte[Math.Max(buffer.Length * 2, length + bytes.Length)];
                Buffer.BlockCopy(buffer, start, grown, 0, length);
                buffer = grown;
            }

            start = 0;
            end = length;
        }

        bytes.CopyTo(buffer.AsSpan(end));
        end += bytes.Length;
    }

    public void Consume(int count)
    {
        start += count;
        if (start == end) start = end = 0;
    }

    public int IndexOf(ReadOnlySpan<byte> value) => Span.IndexOf(value);

    public byte[] ToArray() => Span.ToArray();
}
