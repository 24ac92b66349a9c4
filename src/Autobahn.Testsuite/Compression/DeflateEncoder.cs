using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Autobahn.Testsuite.Compression;

/// <summary>
/// A managed raw-DEFLATE (RFC 1951) compressor for permessage-deflate (RFC 7692) with a configurable LZ77 window,
/// which <see cref="System.IO.Compression.DeflateStream"/> does not offer.
/// </summary>
/// <remarks>
/// <para>
/// The match finder follows zlib's design (deflate.c): hash chains over a sliding window, lazy matching with
/// zlib's per-level limits (<see cref="DeflateLevelParameters"/>), and blocks of at most
/// <see cref="DeflateBlockWriter.SymbolCapacity"/> symbols written stored, fixed or dynamic, whichever is smallest
/// (RFC 1951 §3.2.3). Unlike zlib it hashes 5 bytes instead of 3, which keeps the chains short.
/// Output is deterministic: it depends only on the settings and the messages, never on the platform or the run.
/// </para>
/// <para>
/// Positions are absolute (they keep growing across messages) so the window can slide without touching the hash
/// tables; starting a message without context takeover only moves the position forward by more than a window,
/// which makes every old hash entry too far away to be used.
/// </para>
/// <para>
/// Buffers (about 0.6 MB plus the output) are allocated once and reused; the only allocation per message is the
/// returned array. An instance is not thread-safe: use one per connection and direction.
/// </para>
/// </remarks>
internal sealed class DeflateEncoder
{
    // 2^16 chain heads. Chains hash 5 bytes: shorter matches rarely pay for themselves (a 4-byte match costs about
    // as many bits as 4 literals), and 5-byte chains hold far fewer useless candidates than zlib's 3-byte ones.
    private const int HashBits = 16;
    private const int HashBytes = 5;
    private const int HashSize = 1 << HashBits;
    private const int Nil = int.MinValue;
    private const int MinMatch = DeflateTables.MinMatch;
    private const int MaxMatch = DeflateTables.MaxMatch;

    // zlib's MIN_LOOKAHEAD: enough input ahead of the current position for the longest match plus the next hash.
    private const int MinLookahead = MaxMatch + MinMatch + 1;

    // Bytes of new input the window buffer holds beyond the history it must keep.
    private const int ChunkSize = 128 * 1024;

    // zlib's TOO_FAR (deflate.c): a 3-byte match this far away costs more than three literals. (The match finder
    // hardly ever returns 3-byte matches; the rule is kept so that a stray one does no harm.)
    private const int TooFar = 4096;

    // 8-byte reads may run this far past the valid data.
    private const int ReadSlack = 16;

    private readonly DeflateLevelParameters parameters;
    private readonly int windowSize;
    private readonly int windowMask;
    private readonly int maxDistance;
    private readonly int capacity;
    private readonly byte[] window;
    private readonly int[] head = new int[HashSize];
    private readonly int[] prev;
    private readonly DeflateBlockWriter blocks = new();

    // Absolute position of window[0], and number of valid bytes in window.
    private int bufferBase;
    private int filled;

    /// <summary>
    /// Creates an encoder.
    /// </summary>
    /// <param name="windowBits">
    /// Base-2 logarithm of the LZ77 window, 8..15: the negotiated <c>client_max_window_bits</c>
    /// (RFC 7692 §7.1.2.1), 15 when none was negotiated. No match reaches farther back than
    /// 2^windowBits - 1 bytes.
    /// </param>
    /// <param name="level">zlib compression level 0..9; 6 is zlib's default, the one autobahn uses.</param>
    public DeflateEncoder(int windowBits = 15, int level = 6)
        : this(windowBits, DeflateLevelParameters.ForLevel(level))
    {
        Level = level;
    }

    /// <summary>Creates an encoder with explicit match-finder parameters (for tuning and tests).</summary>
    internal DeflateEncoder(int windowBits, DeflateLevelParameters parameters)
    {
        if (windowBits is < 8 or > 15)
        {
            throw new ArgumentOutOfRangeException(nameof(windowBits), windowBits, "The window bits must be 8..15 (RFC 7692 §7.1.2.1).");
        }

        this.parameters = parameters;
        WindowBits = windowBits;
        Level = -1;
        windowSize = 1 << windowBits;
        windowMask = windowSize - 1;

        // One less than the window: the hash chain array has one slot per window position, so a position exactly
        // one window back shares its slot with the current one (zlib stays 262 bytes short for the same reason).
        maxDistance = windowSize - 1;
        capacity = windowSize + ChunkSize;
        window = new byte[capacity + ReadSlack];
        prev = new int[windowSize];
        Reset();
    }

    /// <summary>The base-2 logarithm of the LZ77 window (8..15).</summary>
    public int WindowBits { get; }

    /// <summary>The zlib compression level (0..9), or -1 when the parameters were given explicitly.</summary>
    public int Level { get; }

    /// <summary>
    /// Absolute positions are shifted back down once the window start passes this value, so they never overflow.
    /// Tests lower it to exercise the shift.
    /// </summary>
    internal int PositionRebaseThreshold { get; set; } = 1 << 30;

    /// <summary>
    /// Compresses one whole message for permessage-deflate: DEFLATE blocks ending with a sync flush whose trailing
    /// <c>00 00 ff ff</c> is removed (RFC 7692 §7.2.1). An empty message gives the single byte <c>00</c>
    /// (RFC 7692 §7.2.3.6).
    /// </summary>
    /// <param name="message">The message payload.</param>
    /// <param name="contextTakeover">
    /// False to start from an empty window, as <c>client_no_context_takeover</c> requires (RFC 7692 §7.1.1.2);
    /// true to let matches reach into earlier messages of this encoder (still within the window).
    /// </param>
    /// <returns>The compressed payload, a new array.</returns>
    public byte[] CompressMessage(ReadOnlySpan<byte> message, bool contextTakeover)
    {
        if (!contextTakeover)
        {
            StartEmptyWindow();
        }

        blocks.BeginMessage();
        if (message.Length > 0)
        {
            if (parameters.StoreOnly)
            {
                blocks.AddStored(message, 0, message.Length);
            }
            else if (parameters.Lazy)
            {
                DeflateLazy(message);
            }
            else
            {
                DeflateGreedy(message);
            }
        }

        return blocks.FinishMessage(message);
    }

    /// <summary>Forgets all history: the next message compresses exactly as with a new encoder.</summary>
    public void Reset()
    {
        head.AsSpan().Fill(Nil);
        bufferBase = 0;
        filled = 0;
    }

    /// <summary>
    /// Lazy matching, zlib's <c>deflate_slow</c>: a match found at one position is emitted only if the next position
    /// does not start a longer one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DeflateLazy(ReadOnlySpan<byte> message)
    {
        var p = parameters;
        ref var window = ref MemoryMarshal.GetArrayDataReference(this.window);
        var consumed = 0;
        var strstart = filled;
        FillWindow(message, ref consumed, ref strstart);
        InsertHistoryTail(strstart);

        var blockStart = 0;
        var matchLength = MinMatch - 1;
        var matchDistance = 0;
        var matchAvailable = false;
        while (true)
        {
            var lookahead = filled - strstart;
            if (lookahead < MinLookahead && consumed < message.Length)
            {
                FillWindow(message, ref consumed, ref strstart);
                lookahead = filled - strstart;
            }

            if (lookahead == 0)
            {
                break;
            }

            var position = bufferBase + strstart;
            var hashHead = lookahead >= HashBytes ? Insert(ref window, strstart, position) : Nil;
            var prevLength = matchLength;
            var prevDistance = matchDistance;
            matchLength = MinMatch - 1;
            if (hashHead >= position - maxDistance && prevLength < p.MaxLazy)
            {
                matchLength = LongestMatch(ref window, hashHead, strstart, position, prevLength, lookahead, ref matchDistance);
                if (matchLength == MinMatch && matchDistance > TooFar)
                {
                    matchLength = MinMatch - 1;
                }
            }

            if (prevLength >= MinMatch && matchLength <= prevLength)
            {
                // The match that starts at strstart - 1 wins: emit it and hash the positions it covers.
                var maxInsert = filled - HashBytes;
                var full = blocks.TallyMatch(prevDistance, prevLength);
                for (var k = prevLength - 2; k > 0; k--)
                {
                    strstart++;
                    if (strstart <= maxInsert)
                    {
                        Insert(ref window, strstart, bufferBase + strstart);
                    }
                }

                strstart++;
                matchAvailable = false;
                matchLength = MinMatch - 1;
                if (full)
                {
                    var end = consumed - (filled - strstart);
                    blocks.FlushBlock(message, blockStart, end);
                    blockStart = end;
                }
            }
            else if (matchAvailable)
            {
                // No match at strstart - 1 (or a better one here): it becomes a literal.
                if (blocks.TallyLiteral(Unsafe.Add(ref window, strstart - 1)))
                {
                    var end = consumed - (filled - strstart);
                    blocks.FlushBlock(message, blockStart, end);
                    blockStart = end;
                }

                strstart++;
            }
            else
            {
                matchAvailable = true;
                strstart++;
            }
        }

        if (matchAvailable)
        {
            blocks.TallyLiteral(Unsafe.Add(ref window, strstart - 1));
        }

        blocks.FlushBlock(message, blockStart, message.Length);
    }

    /// <summary>Greedy matching, zlib's <c>deflate_fast</c> (levels 1..3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DeflateGreedy(ReadOnlySpan<byte> message)
    {
        var p = parameters;
        ref var window = ref MemoryMarshal.GetArrayDataReference(this.window);
        var consumed = 0;
        var strstart = filled;
        FillWindow(message, ref consumed, ref strstart);
        InsertHistoryTail(strstart);

        var blockStart = 0;
        var matchDistance = 0;
        while (true)
        {
            var lookahead = filled - strstart;
            if (lookahead < MinLookahead && consumed < message.Length)
            {
                FillWindow(message, ref consumed, ref strstart);
                lookahead = filled - strstart;
            }

            if (lookahead == 0)
            {
                break;
            }

            var position = bufferBase + strstart;
            var hashHead = lookahead >= HashBytes ? Insert(ref window, strstart, position) : Nil;
            var matchLength = 0;
            if (hashHead >= position - maxDistance)
            {
                matchLength = LongestMatch(ref window, hashHead, strstart, position, MinMatch - 1, lookahead, ref matchDistance);
            }

            bool full;
            if (matchLength >= MinMatch)
            {
                full = blocks.TallyMatch(matchDistance, matchLength);
                if (matchLength <= p.MaxLazy)
                {
                    var maxInsert = filled - HashBytes;
                    for (var k = matchLength - 1; k > 0; k--)
                    {
                        strstart++;
                        if (strstart <= maxInsert)
                        {
                            Insert(ref window, strstart, bufferBase + strstart);
                        }
                    }

                    strstart++;
                }
                else
                {
                    // Long matches are not hashed inside, which is what makes the fast levels fast.
                    strstart += matchLength;
                }
            }
            else
            {
                full = blocks.TallyLiteral(Unsafe.Add(ref window, strstart));
                strstart++;
            }

            if (full)
            {
                var end = consumed - (filled - strstart);
                blocks.FlushBlock(message, blockStart, end);
                blockStart = end;
            }
        }

        blocks.FlushBlock(message, blockStart, message.Length);
    }

    /// <summary>
    /// Finds the longest match for the bytes at <paramref name="strstart"/> along the hash chain that starts at
    /// <paramref name="candidate"/>, zlib's <c>longest_match</c>. Returns <paramref name="prevLength"/> when nothing
    /// longer is found, and sets <paramref name="matchDistance"/> only when it finds something longer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LongestMatch(ref byte window, int candidate, int strstart, int position, int prevLength, int lookahead, ref int matchDistance)
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
        var limit = position - maxDistance;
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

    /// <summary>Hashes the 5 bytes at <paramref name="index"/> and puts <paramref name="position"/> at the head of their chain; returns the previous head.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Insert(ref byte window, int index, int position)
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadUInt64LittleEndian(ref byte source)
    {
        var value = Unsafe.ReadUnaligned<ulong>(ref source);
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    /// <summary>
    /// With context takeover, the last 4 bytes of the previous message could not be hashed (a hash needs 5 bytes);
    /// hash them now that the new message follows them, as zlib's <c>fill_window</c> does.
    /// </summary>
    private void InsertHistoryTail(int strstart)
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

    /// <summary>
    /// Copies more of the message into the window buffer, first sliding the buffer down when it is nearly full;
    /// the slide keeps one window of history before <paramref name="strstart"/>.
    /// </summary>
    private void FillWindow(ReadOnlySpan<byte> message, ref int consumed, ref int strstart)
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
    /// Drops the history for <c>client_no_context_takeover</c> (RFC 7692 §7.1.1.2): the next position is put more
    /// than a window past the last one, so every existing hash entry is out of reach and nothing needs clearing.
    /// </summary>
    private void StartEmptyWindow()
    {
        bufferBase += filled + windowSize;
        filled = 0;
        RebaseIfNeeded();
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
