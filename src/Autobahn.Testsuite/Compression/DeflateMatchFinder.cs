using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Autobahn.Testsuite.Compression;

/// <summary>
/// The LZ77 half of <see cref="DeflateEncoder"/>: the sliding window over the input, the hash chains into it, and
/// the search for the longest earlier match, as zlib's deflate.c keeps them (<c>fill_window</c>,
/// <c>INSERT_STRING</c>, <c>longest_match</c>). Which matches are used is <see cref="DeflateParser"/>'s decision.
/// </summary>
/// <remarks>
/// <para>
/// Chains hash 5 bytes instead of zlib's 3, which keeps them short.
/// </para>
/// <para>
/// Positions are absolute (they keep growing across messages) so the window can slide without touching the hash
/// tables; starting a message without context takeover only moves the position forward by more than a window,
/// which makes every old hash entry too far away to be used.
/// </para>
/// <para>
/// The parser works on the buffer directly (<see cref="Window"/>, with indexes relative to
/// <see cref="BufferBase"/>) rather than through per-byte calls: this is the hot loop of sections 12 and 13.
/// </para>
/// </remarks>
internal sealed class DeflateMatchFinder
{
    /// <summary>Bytes hashed per position: a position can be inserted only when this many bytes follow it.</summary>
    public const int HashBytes = 5;

    /// <summary>The empty chain entry; it is farther back than any window, so range checks reject it.</summary>
    public const int Nil = int.MinValue;

    /// <summary>
    /// zlib's MIN_LOOKAHEAD: enough input ahead of the current position for the longest match plus the next hash.
    /// </summary>
    public const int MinLookahead = MaxMatch + MinMatch + 1;

    // 2^16 chain heads. Chains hash 5 bytes: shorter matches rarely pay for themselves (a 4-byte match costs about
    // as many bits as 4 literals), and 5-byte chains hold far fewer useless candidates than zlib's 3-byte ones.
    private const int HashBits = 16;
    private const int HashSize = 1 << HashBits;
    private const int MinMatch = DeflateTables.MinMatch;
    private const int MaxMatch = DeflateTables.MaxMatch;

    // Bytes of new input the window buffer holds beyond the history it must keep.
    private const int ChunkSize = 128 * 1024;

    // 8-byte reads may run this far past the valid data.
    private const int ReadSlack = 16;

    private readonly DeflateLevelParameters parameters;
    private readonly int windowSize;
    private readonly int windowMask;
    private readonly int capacity;
    private readonly byte[] window;
    private readonly int[] head = new int[HashSize];
    private readonly int[] prev;

    // Absolute position of window[0], and number of valid bytes in window.
    private int bufferBase;
    private int filled;

    /// <summary>Creates an empty window of 2^<paramref name="windowBits"/> bytes (already checked by the encoder).</summary>
    public DeflateMatchFinder(int windowBits, DeflateLevelParameters parameters)
    {
        this.parameters = parameters;
        windowSize = 1 << windowBits;
        windowMask = windowSize - 1;

        // One less than the window: the hash chain array has one slot per window position, so a position exactly
        // one window back shares its slot with the current one (zlib stays 262 bytes short for the same reason).
        MaxDistance = windowSize - 1;
        capacity = windowSize + ChunkSize;
        window = new byte[capacity + ReadSlack];
        prev = new int[windowSize];
        Reset();
    }

    /// <summary>The farthest back a match may reach.</summary>
    public int MaxDistance { get; }

    /// <summary>The window buffer: history, then the input not yet parsed. Its length never changes.</summary>
    public byte[] Window => window;

    /// <summary>The absolute position of <c>Window[0]</c>.</summary>
    public int BufferBase => bufferBase;

    /// <summary>The number of valid bytes in <see cref="Window"/>.</summary>
    public int Filled => filled;

    /// <summary>
    /// Absolute positions are shifted back down once the window start passes this value, so they never overflow.
    /// Tests lower it to exercise the shift.
    /// </summary>
    public int PositionRebaseThreshold { get; set; } = 1 << 30;

    /// <summary>Forgets all history and starts positions from zero again.</summary>
    public void Reset()
    {
        head.AsSpan().Fill(Nil);
        bufferBase = 0;
        filled = 0;
    }

    /// <summary>
    /// Drops the history for <c>client_no_context_takeover</c> (RFC 7692 §7.1.1.2): the next position is put more
    /// than a window past the last one, so every existing hash entry is out of reach and nothing needs clearing.
    /// </summary>
    public void StartEmptyWindow()
    {
        bufferBase += filled + windowSize;
        filled = 0;
        RebaseIfNeeded();
    }

    /// <summary>
    /// Copies more of the message into the window buffer, first sliding the buffer down when it is nearly full;
    /// the slide keeps one window of history before <paramref name="strstart"/>.
    /// </summary>
    public void FillWindow(ReadOnlySpan<byte> message, ref int consumed, ref int strstart)
    {
        if (filled > capacity - MinLookahead)
        {
            var keep = strstart - windowSize;
            window.AsSpan(keep, filled - keep).CopyTo(window);
            bufferBase += keep;
            strstart -= keep;
            filled -= keep;
            RebaseIfNeeded();
        }

        var count = Math.Min(message.Length - consumed, capacity - filled);
        message.Slice(consumed, count).CopyTo(window.AsSpan(filled));
        filled += count;
        consumed += count;
    }

    /// <summary>
    /// With context takeover, the last 4 bytes of the previous message could not be hashed (a hash needs 5 bytes);
    /// hash them now that the new message follows them, as zlib's <c>fill_window</c> does.
    /// </summary>
    public void InsertHistoryTail(int strstart)
    {
        ref var window = ref MemoryMarshal.GetArrayDataReference(this.window);
        for (var index = Math.Max(0, strstart - HashBytes + 1); index < strstart; index++)
        {
            if (index + HashBytes <= filled)
            {
                Insert(ref window, index, bufferBase + index);
            }
        }
    }

    /// <summary>Hashes the 5 bytes at <paramref name="index"/> and puts <paramref name="position"/> at the head of their chain; returns the previous head.</summary>
    /// <param name="window">The first byte of <see cref="Window"/> (the caller holds it for the whole loop).</param>
    /// <param name="index">The index of the bytes in the window buffer.</param>
    /// <param name="position">Their absolute position, <see cref="BufferBase"/> + <paramref name="index"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Insert(ref byte window, int index, int position)
    {
        // Fibonacci hashing of the 5 bytes at index (shifted to the top of a 64-bit word).
        var bytes = ReadUInt64LittleEndian(ref Unsafe.Add(ref window, index)) << (64 - (8 * HashBytes));
        var hash = (uint)((bytes * 0x9E3779B97F4A7C15ul) >> (64 - HashBits));
        ref var head = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(this.head), (nint)hash);
        var previous = head;
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(prev), position & windowMask) = previous;
        head = position;
        return previous;
    }

    /// <summary>
    /// Finds the longest match for the bytes at <paramref name="strstart"/> along the hash chain that starts at
    /// <paramref name="candidate"/>, zlib's <c>longest_match</c>. Returns <paramref name="prevLength"/> when nothing
    /// longer is found, and sets <paramref name="matchDistance"/> only when it finds something longer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int LongestMatch(ref byte window, int candidate, int strstart, int position, int prevLength, int lookahead, ref int matchDistance)
    {
        var bestLength = prevLength;
        var maxLength = Math.Min(MaxMatch, lookahead);
        if (bestLength >= maxLength)
        {
            return bestLength;
        }

        var chain = parameters.MaxChain;
        if (prevLength >= parameters.GoodLength)
        {
            chain >>= 2;
        }

        var nice = Math.Min(parameters.NiceLength, maxLength);
        var limit = position - MaxDistance;
        var bufferBase = this.bufferBase;
        var mask = windowMask;
        ref var prev = ref MemoryMarshal.GetArrayDataReference(this.prev);
        ref var scan = ref Unsafe.Add(ref window, strstart);

        // Only a candidate that agrees with the 4 bytes ending at the current best length can give a longer match
        // (zlib's scan_end test, widened to 4 bytes). With no match yet this compares the first 4 bytes, which drops
        // most hash collisions; matches shorter than 4 are given up (the 5-byte hash hardly finds them anyway).
        var endOffset = Math.Max(bestLength - 3, 0);
        var scanEnd = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref scan, endOffset));
        do
        {
            ref var match = ref Unsafe.Add(ref window, candidate - bufferBase);
            if (Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref match, endOffset)) == scanEnd)
            {
                var length = CommonLength(ref scan, ref match, maxLength);
                if (length > bestLength)
                {
                    matchDistance = position - candidate;
                    bestLength = length;
                    if (length >= nice)
                    {
                        break;
                    }

                    endOffset = bestLength - 3;
                    scanEnd = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref scan, endOffset));
                }
            }

            candidate = Unsafe.Add(ref prev, candidate & mask);
        }
        while (candidate >= limit && --chain != 0);

        return bestLength;
    }

    /// <summary>Number of equal leading bytes of <paramref name="a"/> and <paramref name="b"/>, at most <paramref name="max"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CommonLength(ref byte a, ref byte b, int max)
    {
        var length = 0;
        while (true)
        {
            var difference = ReadUInt64LittleEndian(ref Unsafe.Add(ref a, length)) ^ ReadUInt64LittleEndian(ref Unsafe.Add(ref b, length));
            if (difference != 0)
            {
                length += BitOperations.TrailingZeroCount(difference) >> 3;
                return Math.Min(length, max);
            }

            length += 8;
            if (length >= max)
            {
                return max;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadUInt64LittleEndian(ref byte source)
    {
        var value = Unsafe.ReadUnaligned<ulong>(ref source);
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    /// <summary>
    /// Shifts all positions down by a multiple of the window (so chain slots stay where they are) once they grow
    /// large; entries below the shift are older than the window and become empty.
    /// </summary>
    private void RebaseIfNeeded()
    {
        if (bufferBase <= PositionRebaseThreshold)
        {
            return;
        }

        var shift = bufferBase & ~windowMask;
        Rebase(head, shift);
        Rebase(prev, shift);
        bufferBase -= shift;

        static void Rebase(int[] positions, int shift)
        {
            for (var i = 0; i < positions.Length; i++)
            {
                var value = positions[i];
                positions[i] = value >= shift ? value - shift : Nil;
            }
        }
    }
}
