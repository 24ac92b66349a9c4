using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Autobahn.Testsuite.Compression;

/// <summary>
/// Turns one message into literals and matches (the LZ77 parse) and tallies them into blocks: which match to take
/// at each position, as zlib's <c>deflate_slow</c> (lazy levels) and <c>deflate_fast</c> (greedy levels) decide it
/// with the limits of <see cref="DeflateLevelParameters"/>.
/// </summary>
/// <remarks>
/// The candidates come from <see cref="DeflateMatchFinder"/>; the symbols go to <see cref="DeflateBlockWriter"/>,
/// which is flushed here whenever it fills up, so a block never holds more than
/// <see cref="DeflateBlockWriter.SymbolCapacity"/> symbols.
/// </remarks>
internal sealed class DeflateParser
{
    private const int Nil = DeflateMatchFinder.Nil;
    private const int HashBytes = DeflateMatchFinder.HashBytes;
    private const int MinLookahead = DeflateMatchFinder.MinLookahead;
    private const int MinMatch = DeflateTables.MinMatch;

    // zlib's TOO_FAR (deflate.c): a 3-byte match this far away costs more than three literals. (The match finder
    // hardly ever returns 3-byte matches; the rule is kept so that a stray one does no harm.)
    private const int TooFar = 4096;

    private readonly DeflateLevelParameters parameters;
    private readonly DeflateMatchFinder finder;
    private readonly DeflateBlockWriter blocks;

    /// <summary>Creates a parser over <paramref name="finder"/>'s window that writes into <paramref name="blocks"/>.</summary>
    public DeflateParser(DeflateLevelParameters parameters, DeflateMatchFinder finder, DeflateBlockWriter blocks)
    {
        this.parameters = parameters;
        this.finder = finder;
        this.blocks = blocks;
    }

    /// <summary>
    /// Lazy matching, zlib's <c>deflate_slow</c>: a match found at one position is emitted only if the next position
    /// does not start a longer one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void DeflateLazy(ReadOnlySpan<byte> message)
    {
        var p = parameters;
        var finder = this.finder;
        var maxDistance = finder.MaxDistance;
        ref var window = ref MemoryMarshal.GetArrayDataReference(finder.Window);
        var consumed = 0;
        var strstart = finder.Filled;
        finder.FillWindow(message, ref consumed, ref strstart);
        finder.InsertHistoryTail(strstart);

        var blockStart = 0;
        var matchLength = MinMatch - 1;
        var matchDistance = 0;
        var matchAvailable = false;
        while (true)
        {
            var lookahead = finder.Filled - strstart;
            if (lookahead < MinLookahead && consumed < message.Length)
            {
                finder.FillWindow(message, ref consumed, ref strstart);
                lookahead = finder.Filled - strstart;
            }

            if (lookahead == 0)
            {
                break;
            }

            var position = finder.BufferBase + strstart;
            var hashHead = lookahead >= HashBytes ? finder.Insert(ref window, strstart, position) : Nil;
            var prevLength = matchLength;
            var prevDistance = matchDistance;
            matchLength = MinMatch - 1;
            if (hashHead >= position - maxDistance && prevLength < p.MaxLazy)
            {
                matchLength = finder.LongestMatch(ref window, hashHead, strstart, position, prevLength, lookahead, ref matchDistance);
                if (matchLength == MinMatch && matchDistance > TooFar)
                {
                    matchLength = MinMatch - 1;
                }
            }

            if (prevLength >= MinMatch && matchLength <= prevLength)
            {
                // The match that starts at strstart - 1 wins: emit it and hash the positions it covers.
                var maxInsert = finder.Filled - HashBytes;
                var full = blocks.TallyMatch(prevDistance, prevLength);
                for (var k = prevLength - 2; k > 0; k--)
                {
                    strstart++;
                    if (strstart <= maxInsert)
                    {
                        finder.Insert(ref window, strstart, finder.BufferBase + strstart);
                    }
                }

                strstart++;
                matchAvailable = false;
                matchLength = MinMatch - 1;
                if (full)
                {
                    var end = consumed - (finder.Filled - strstart);
                    blocks.FlushBlock(message, blockStart, end);
                    blockStart = end;
                }
            }
            else if (matchAvailable)
            {
                // No match at strstart - 1 (or a better one here): it becomes a literal.
                if (blocks.TallyLiteral(Unsafe.Add(ref window, strstart - 1)))
                {
                    var end = consumed - (finder.Filled - strstart);
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
    public void DeflateGreedy(ReadOnlySpan<byte> message)
    {
        var p = parameters;
        var finder = this.finder;
        var maxDistance = finder.MaxDistance;
        ref var window = ref MemoryMarshal.GetArrayDataReference(finder.Window);
        var consumed = 0;
        var strstart = finder.Filled;
        finder.FillWindow(message, ref consumed, ref strstart);
        finder.InsertHistoryTail(strstart);

        var blockStart = 0;
        var matchDistance = 0;
        while (true)
        {
            var lookahead = finder.Filled - strstart;
            if (lookahead < MinLookahead && consumed < message.Length)
            {
                finder.FillWindow(message, ref consumed, ref strstart);
                lookahead = finder.Filled - strstart;
            }

            if (lookahead == 0)
            {
                break;
            }

            var position = finder.BufferBase + strstart;
            var hashHead = lookahead >= HashBytes ? finder.Insert(ref window, strstart, position) : Nil;
            var matchLength = 0;
            if (hashHead >= position - maxDistance)
            {
                matchLength = finder.LongestMatch(ref window, hashHead, strstart, position, MinMatch - 1, lookahead, ref matchDistance);
            }

            bool full;
            if (matchLength >= MinMatch)
            {
                full = blocks.TallyMatch(matchDistance, matchLength);
                if (matchLength <= p.MaxLazy)
                {
                    var maxInsert = finder.Filled - HashBytes;
                    for (var k = matchLength - 1; k > 0; k--)
                    {
                        strstart++;
                        if (strstart <= maxInsert)
                        {
                            finder.Insert(ref window, strstart, finder.BufferBase + strstart);
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
                var end = consumed - (finder.Filled - strstart);
                blocks.FlushBlock(message, blockStart, end);
                blockStart = end;
            }
        }

        blocks.FlushBlock(message, blockStart, message.Length);
    }
}
