using System.Text.Unicode;

namespace Autobahn.Testsuite.Compression.DataSets;

/// <summary>
/// One payload file of wstest's section 12 (<c>WS_COMPRESSION_TESTDATA</c> in <c>case/case12_x_x.py</c>): either
/// the original file or the deterministic generated equivalent that ships instead of it.
/// </summary>
internal sealed class CompressionDataSet
{
    private readonly byte[] bytes;
    private int[]? codePointOffsets;

    /// <summary>Creates a data set; text data sets must be valid UTF-8 (wstest decodes them with Python's strict codec).</summary>
    public CompressionDataSet(string key, string description, string fileName, bool isBinary, byte[] bytes, bool isGenerated)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!isBinary && !Utf8.IsValid(bytes))
        {
            // wstest's payload.decode('utf-8') would raise here; better to say so at once than at the first message.
            throw new InvalidDataException($"The text data set '{key}' ({fileName}) is not valid UTF-8.");
        }

        Key = key;
        Description = description;
        FileName = fileName;
        IsBinary = isBinary;
        IsGenerated = isGenerated;
        this.bytes = bytes;
    }

    /// <summary>wstest's key: <c>json_data1</c>, <c>lena512</c>, <c>gutenberg_faust</c>, <c>html_data1</c> or <c>ooms</c>.</summary>
    public string Key { get; }

    /// <summary>wstest's <c>desc</c>, e.g. <c>Large JSON data file</c>.</summary>
    public string Description { get; }

    /// <summary>wstest's <c>file</c>, e.g. <c>data1.json</c>.</summary>
    public string FileName { get; }

    /// <summary>
    /// wstest's <c>binary</c> flag: messages are sent as binary and windowed in bytes. False means text messages
    /// windowed in code points (note that <c>gutenberg_faust</c> is prose but binary in wstest).
    /// </summary>
    public bool IsBinary { get; }

    /// <summary>True for the generated stand-in, false for an original file.</summary>
    public bool IsGenerated { get; }

    /// <summary>The content.</summary>
    public ReadOnlyMemory<byte> Bytes => bytes;

    /// <summary>
    /// The length in wstest's units: bytes for binary data sets, code points for text ones (Python 2 wide
    /// unicode, <c>len(payload.decode('utf-8'))</c>).
    /// </summary>
    public int Length => IsBinary ? bytes.Length : CodePointOffsets.Length - 1;

    /// <summary>
    /// For text data sets: the byte offset of every code point, plus the total length at the end, so that a window
    /// in code points maps to a byte range without decoding. Computed once, on first use.
    /// </summary>
    internal int[] CodePointOffsets => LazyInitializer.EnsureInitialized(ref codePointOffsets, () => ComputeCodePointOffsets(bytes));

    private static int[] ComputeCodePointOffsets(byte[] bytes)
    {
        // In valid UTF-8 a code point starts at every byte that is not a continuation byte (10xxxxxx).
        var count = 0;
        foreach (var b in bytes)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }

        var offsets = new int[count + 1];
        var next = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if ((bytes[i] & 0xC0) != 0x80)
            {
                offsets[next++] = i;
            }
        }

        offsets[count] = bytes.Length;
        return offsets;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Key} ({FileName}, {(IsBinary ? "binary" : "utf8")}, {bytes.Length} bytes{(IsGenerated ? ", generated" : "")})";
}
