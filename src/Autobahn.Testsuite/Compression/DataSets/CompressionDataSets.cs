namespace Autobahn.Testsuite.Compression.DataSets;

/// <summary>
/// The five payload data sets of wstest's section 12 (<c>case/case12_x_x.py</c>), as generated stand-ins or as
/// the original files.
/// </summary>
/// <remarks>
/// The originals (a JSON report, the Lena picture, Goethe's Faust from Project Gutenberg, an HTML report and a
/// research paper's PDF) are third-party content and are not shipped. The generated stand-ins have exactly the
/// originals' sizes, the same kind of content and about the same compressibility, so a server's deflate sees the
/// same kind of work; they are deterministic, so transcripts and snapshots are stable. Users who want wstest's
/// exact bytes pass the folder holding wstest's <c>testdata</c> files.
/// </remarks>
internal static class CompressionDataSets
{
    /// <summary>wstest's data set keys in its fixed order (<c>WS_COMPRESSION_TESTDATA_KEYS</c>): subgroups 12.1 to 12.5.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["json_data1", "lena512", "gutenberg_faust", "html_data1", "ooms"];

    // Texts and flags from WS_COMPRESSION_TESTDATA (case/case12_x_x.py, v0.8.2); sizes of the v0.8.2 files.
    private static readonly Dictionary<string, Entry> Entries = new Entry[]
    {
        new("json_data1", "Large JSON data file", "data1.json", false, JsonDataGenerator.Length, JsonDataGenerator.Generate),
        new("lena512", "Lena Picture, Bitmap 512x512 bw", "lena512.bmp", true, BitmapDataGenerator.Length, BitmapDataGenerator.Generate),
        new("gutenberg_faust", "Human readable text, Goethe's Faust I (German)", "pg2229.txt", true, GermanProseGenerator.Length, GermanProseGenerator.Generate),
        new("html_data1", "Large HTML file", "data1.html", false, HtmlDataGenerator.Length, HtmlDataGenerator.Generate),
        new("ooms", "A larger PDF", "10.1.1.105.5439.pdf", true, PdfDataGenerator.Length, PdfDataGenerator.Generate),
    }.ToDictionary(entry => entry.Key, StringComparer.Ordinal);

    /// <summary>
    /// A data set by wstest key. Without <paramref name="originalsFolder"/> the generated stand-in (made once per
    /// process, thread-safe); with it, the original file of that name read from the folder.
    /// </summary>
    /// <param name="key">One of <see cref="Keys"/>.</param>
    /// <param name="originalsFolder">A folder holding wstest's <c>testdata</c> files (<c>data1.json</c>, ...), or null.</param>
    /// <exception cref="ArgumentException">The key is unknown.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The folder lacks the data set's file.</exception>
    public static CompressionDataSet Get(string key, string? originalsFolder = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Entries.TryGetValue(key, out var entry))
        {
            throw new ArgumentException($"Unknown compression data set '{key}'; wstest's are {string.Join(", ", Keys)}.", nameof(key));
        }

        return originalsFolder is null ? entry.Generated.Value : ReadOriginal(key, entry, originalsFolder);
    }

    private static CompressionDataSet ReadOriginal(string key, Entry entry, string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder of wstest's compression data sets '{Path.GetFullPath(folder)}' does not exist (looking for {entry.FileName} for '{key}').");
        }

        var path = Path.Combine(folder, entry.FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"wstest's data set file {entry.FileName} for '{key}' is not in '{Path.GetFullPath(folder)}'.", path);
        }

        return new CompressionDataSet(key, entry.Description, entry.FileName, entry.IsBinary, File.ReadAllBytes(path), isGenerated: false);
    }

    private sealed class Entry
    {
        public Entry(string key, string description, string fileName, bool isBinary, int length, Func<byte[]> generate)
        {
            Key = key;
            Description = description;
            FileName = fileName;
            IsBinary = isBinary;
            Generated = new Lazy<CompressionDataSet>(
                () =>
                {
                    var bytes = generate();
                    if (bytes.Length != length)
                    {
                        throw new InvalidOperationException($"The generator of {fileName} made {bytes.Length} bytes instead of {length}.");
                    }

                    return new CompressionDataSet(key, description, fileName, isBinary, bytes, isGenerated: true);
                },
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public string Key { get; }

        public string Description { get; }

        public string FileName { get; }

        public bool IsBinary { get; }

        public Lazy<CompressionDataSet> Generated { get; }
    }
}
