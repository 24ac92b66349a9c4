namespace Autobahn.Testsuite.Compression;

/// <summary>
/// Compressed 12.x/13.x messages, shared by the cases of a run. Every case restarts at the beginning of its data set
/// (<c>case12_x_x.py</c> sets the pointer to 0 in <c>init</c>), 12.x.10 and 12.x.15–18 send the same 131072-unit
/// windows and differ only in fragmentation, and all 13.x send data1.json: so the fuzzer would compress the same
/// messages again and again. When the server asked for <c>client_no_context_takeover</c> (RFC 7692 §7.1.1.2, as every
/// wstest offer allows) a message's compressed form depends only on the message and the window size, so it is
/// computed once. The bytes on the wire are exactly those a fresh <see cref="DeflateEncoder"/> gives.
/// </summary>
/// <remarks>
/// Bounded: whole sequences are evicted, least recently used first, once the cache holds more than its capacity.
/// Thread-safe: concurrent sessions may compute the same message twice, and store identical bytes.
/// </remarks>
internal sealed class CompressedMessageCache(long capacityBytes)
{
    private readonly object gate = new();
    private readonly Dictionary<Key, Sequence> sequences = [];
    private long totalBytes;
    private long clock;

    /// <summary>The process-wide cache: 256 MiB holds every repeated sequence of the largest data set.</summary>
    public static CompressedMessageCache Shared { get; } = new(256L * 1024 * 1024);

    /// <summary>Octets of compressed messages held now.</summary>
    public long TotalBytes
    {
        get
        {
            lock (gate) return totalBytes;
        }
    }

    /// <summary>The sequence of compressed windows for one data set, window length and compression window size.</summary>
    public Sequence For(string dataSetIdentity, int length, int windowBits, int count)
    {
        lock (gate)
        {
            var key = new Key(dataSetIdentity, length, windowBits);
            if (!sequences.TryGetValue(key, out var sequence))
            {
                sequence = new Sequence(this, key, count);
                sequences.Add(key, sequence);
            }

            sequence.LastUse = ++clock;
            return sequence;
        }
    }

    private void Added(Sequence sequence, long bytes)
    {
        lock (gate)
        {
            if (!sequences.TryGetValue(sequence.CacheKey, out var held) || held != sequence) return;
            sequence.Bytes += bytes;
            totalBytes += bytes;
            while (totalBytes > capacityBytes && sequences.Count > 1)
            {
                var oldest = sequences.Values.Where(s => s != sequence).MinBy(s => s.LastUse)!;
                sequences.Remove(oldest.CacheKey);
                totalBytes -= oldest.Bytes;
            }
        }
    }

    internal readonly record struct Key(string DataSetIdentity, int Length, int WindowBits);

    /// <summary>Compressed messages by index within a case.</summary>
    internal sealed class Sequence
    {
        private readonly CompressedMessageCache owner;
        private readonly byte[]?[] messages;

        internal Sequence(CompressedMessageCache owner, Key key, int count)
        {
            this.owner = owner;
            CacheKey = key;
            messages = new byte[]?[count];
        }

        internal Key CacheKey { get; }

        internal long LastUse { get; set; }

        internal long Bytes { get; set; }

        /// <summary>The compressed form of message <paramref name="index"/>, computed by <paramref name="compress"/> once.</summary>
        public byte[] GetOrAdd(int index, Func<byte[]> compress)
        {
            if ((uint)index >= (uint)messages.Length) return compress();
            if (Volatile.Read(ref messages[index]) is { } cached) return cached;
            var compressed = compress();
            if (Interlocked.CompareExchange(ref messages[index], compressed, null) is null) owner.Added(this, compressed.Length);
            return compressed;
        }
    }
}
