namespace Autobahn.Testsuite.Compression;

/// <summary>
/// A managed raw-DEFLATE (RFC 1951) compressor for permessage-deflate (RFC 7692) with a configurable LZ77 window,
/// which <see cref="System.IO.Compression.DeflateStream"/> does not offer.
/// </summary>
/// <remarks>
/// <para>
/// The match finder follows zlib's design (deflate.c): hash chains over a sliding window
/// (<see cref="DeflateMatchFinder"/>), lazy matching with zlib's per-level limits
/// (<see cref="DeflateParser"/>, <see cref="DeflateLevelParameters"/>), and blocks of at most
/// <see cref="DeflateBlockWriter.SymbolCapacity"/> symbols written stored, fixed or dynamic, whichever is smallest
/// (RFC 1951 §3.2.3). Unlike zlib it hashes 5 bytes instead of 3, which keeps the chains short.
/// Output is deterministic: it depends only on the settings and the messages, never on the platform or the run.
/// </para>
/// <para>
/// This type holds the settings and runs one message through the parts: it picks the parse for the level and
/// frames the message's blocks.
/// </para>
/// <para>
/// Buffers (about 0.6 MB plus the output) are allocated once and reused; the only allocation per message is the
/// returned array. An instance is not thread-safe: use one per connection and direction.
/// </para>
/// </remarks>
internal sealed class DeflateEncoder
{
    private readonly DeflateLevelParameters parameters;
    private readonly DeflateMatchFinder finder;
    private readonly DeflateParser parser;
    private readonly DeflateBlockWriter blocks = new();

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
        finder = new DeflateMatchFinder(windowBits, parameters);
        parser = new DeflateParser(parameters, finder, blocks);
    }

    /// <summary>The base-2 logarithm of the LZ77 window (8..15).</summary>
    public int WindowBits { get; }

    /// <summary>The zlib compression level (0..9), or -1 when the parameters were given explicitly.</summary>
    public int Level { get; }

    /// <summary>
    /// Absolute positions are shifted back down once the window start passes this value, so they never overflow.
    /// Tests lower it to exercise the shift.
    /// </summary>
    internal int PositionRebaseThreshold
    {
        get => finder.PositionRebaseThreshold;
        set => finder.PositionRebaseThreshold = value;
    }

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
            finder.StartEmptyWindow();
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
                parser.DeflateLazy(message);
            }
            else
            {
                parser.DeflateGreedy(message);
            }
        }

        return blocks.FinishMessage(message);
    }

    /// <summary>Forgets all history: the next message compresses exactly as with a new encoder.</summary>
    public void Reset() => finder.Reset();
}
