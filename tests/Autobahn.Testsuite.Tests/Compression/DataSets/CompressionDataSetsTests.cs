using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Autobahn.Testsuite.Compression.DataSets;

namespace Autobahn.Testsuite.Tests.Compression.DataSets;

public class CompressionDataSetsTests
{
    [Fact]
    public void Keys_AreWstestsFixedOrder()
    {
        // WS_COMPRESSION_TESTDATA_KEYS, case/case12_x_x.py: subgroups 12.1 .. 12.5.
        Assert.Equal(["json_data1", "lena512", "gutenberg_faust", "html_data1", "ooms"], CompressionDataSets.Keys);
    }

    [Theory]
    [InlineData("json_data1", "Large JSON data file", "data1.json", false, 194056)]
    [InlineData("lena512", "Lena Picture, Bitmap 512x512 bw", "lena512.bmp", true, 263222)]
    [InlineData("gutenberg_faust", "Human readable text, Goethe's Faust I (German)", "pg2229.txt", true, 222218)]
    [InlineData("html_data1", "Large HTML file", "data1.html", false, 263527)]
    [InlineData("ooms", "A larger PDF", "10.1.1.105.5439.pdf", true, 1042328)]
    public void Get_Generated_HasWstestsMetadataAndTheOriginalSize(string key, string description, string fileName, bool isBinary, int size)
    {
        var dataSet = CompressionDataSets.Get(key);

        Assert.Equal(key, dataSet.Key);
        Assert.Equal(description, dataSet.Description);
        Assert.Equal(fileName, dataSet.FileName);
        Assert.Equal(isBinary, dataSet.IsBinary);
        Assert.True(dataSet.IsGenerated);
        Assert.Equal(size, dataSet.Bytes.Length);
    }

    [Fact]
    public void Get_Generated_IsMadeOncePerProcess()
    {
        CompressionDataSet[] results = [.. Enumerable.Range(0, 8).AsParallel().Select(_ => CompressionDataSets.Get("lena512"))];

        Assert.All(results, result => Assert.Same(results[0], result));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Generate_TwoRuns_AreByteIdentical(string key)
    {
        var generate = DataSetGenerators.For(key);

        Assert.True(generate().AsSpan().SequenceEqual(generate()));
        Assert.True(generate().AsSpan().SequenceEqual(CompressionDataSets.Get(key).Bytes.Span));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Generate_UnderAnotherCulture_IsByteIdentical(string key)
    {
        // sv-SE writes negative numbers with U+2212 and decimals with a comma: nothing may leak into the bytes.
        var saved = CultureInfo.CurrentCulture;
        byte[] bytes;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
            bytes = DataSetGenerators.For(key)();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.True(bytes.AsSpan().SequenceEqual(DataSetGenerators.For(key)()));
    }

    /// <summary>
    /// Pins the generated content: any change to a generator (or to the PRNG) changes what every 12.x case sends and
    /// must be deliberate. Update the hash here when it is.
    /// </summary>
    [Theory]
    [InlineData("json_data1", "15658f7fc625216e2c8e2f7fa1a4e7ccd86c010d2efac9c7d5539810409f008d")]
    [InlineData("lena512", "66a5b2446ff50b642deb610023c402ed56adad8874b08b70e572374136f1494b")]
    [InlineData("gutenberg_faust", "00ac12f99a2f05cac602de20a7efee675e625dc9f11ad08b8a1ef29b6419e594")]
    [InlineData("html_data1", "4b887ca73dd15cbbad5d98151bd81a8b0dcbeb6d90dd8bdd1b0b7f297c22cee1")]
    [InlineData("ooms", "3debbf7266cd4ecc03f738f1d30ae46d7d0683d395bb027421b770dc326551ff")]
    public void Get_Generated_HasPinnedSha256(string key, string sha256)
    {
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(CompressionDataSets.Get(key).Bytes.Span)));
    }

    [Fact]
    public void DataSetRandom_SameSeed_SameSequenceAndKnownFirstValue()
    {
        var a = new DataSetRandom(1234567);
        var b = new DataSetRandom(1234567);

        ulong[] first = [.. Enumerable.Range(0, 100).Select(_ => a.NextUInt64())];
        Assert.Equal(first, Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));

        // SplitMix64's first output for seed 1234567, computed with a separate transcription of Vigna's splitmix64.c.
        Assert.Equal(6457827717110365317ul, new DataSetRandom(1234567).NextUInt64());
    }

    [Theory]
    [InlineData("json_data1")]
    [InlineData("html_data1")]
    [InlineData("gutenberg_faust")]
    public void Get_GeneratedTextLikeSets_AreValidUtf8(string key)
    {
        Assert.True(Utf8.IsValid(CompressionDataSets.Get(key).Bytes.Span));
    }

    [Fact]
    public void Get_GeneratedJson_IsAWstestIndexShapedDocument()
    {
        var bytes = CompressionDataSets.Get("json_data1").Bytes;

        Assert.All(bytes.ToArray(), b => Assert.True(b < 0x80));
        using var document = JsonDocument.Parse(bytes);
        var agents = document.RootElement.EnumerateObject();
        Assert.True(agents.Count() >= 3);
        var cases = 0;
        foreach (var agent in agents)
        {
            foreach (var @case in agent.Value.EnumerateObject())
            {
                cases++;
                Assert.Equal(["behavior", "behaviorClose", "duration", "remoteCloseCode", "reportfile"], @case.Value.EnumerateObject().Select(p => p.Name));
                Assert.EndsWith("_case_" + @case.Name.Replace('.', '_') + ".json", @case.Value.GetProperty("reportfile").GetString());
            }
        }

        // The original holds 939 cases; same shape, about the same count.
        Assert.InRange(cases, 850, 1050);
    }

    [Fact]
    public void Get_GeneratedHtml_HasTheOriginalsMixOfNonAsciiCodePoints()
    {
        var text = Encoding.UTF8.GetString(CompressionDataSets.Get("html_data1").Bytes.Span);

        Rune[] nonAscii = [.. text.EnumerateRunes().Where(rune => !rune.IsAscii)];
        Assert.Equal(25, nonAscii.Count(rune => rune.Utf8SequenceLength == 2));
        Assert.Equal(1, nonAscii.Count(rune => rune.Utf8SequenceLength == 3));
        Assert.Equal(26, nonAscii.Length);
        Assert.Equal(263500, CompressionDataSets.Get("html_data1").Length);
        Assert.StartsWith("<!DOCTYPE html>\n<html>", text, StringComparison.Ordinal);
        Assert.EndsWith("</body>\n</html>\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_GeneratedProse_IsGermanUtf8WithByteOrderMarkAndLineFeeds()
    {
        var bytes = CompressionDataSets.Get("gutenberg_faust").Bytes.ToArray();

        // Like pg2229.txt: EF BB BF, then UTF-8, \n line ends.
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.DoesNotContain((byte)'\r', bytes);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        foreach (var c in "äöüßÄÜ")
        {
            Assert.Contains(c, text);
        }

        // About 2.6 % of the original's bytes belong to umlauts and ß.
        var nonAscii = (double)bytes.Count(b => b >= 0x80) / bytes.Length;
        Assert.InRange(nonAscii, 0.015, 0.05);
        Assert.Contains(" und ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_GeneratedBitmap_Is512By512GrayscaleWithPalette()
    {
        var bmp = CompressionDataSets.Get("lena512").Bytes.ToArray();

        Assert.Equal((byte)'B', bmp[0]);
        Assert.Equal((byte)'M', bmp[1]);
        Assert.Equal(263222, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(2)));       // bfSize
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(6)));            // bfReserved1/2
        Assert.Equal(54 + 1024, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(10)));   // bfOffBits
        Assert.Equal(40, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(14)));          // biSize
        Assert.Equal(512, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(18)));         // biWidth
        Assert.Equal(512, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(22)));         // biHeight (bottom-up)
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(bmp.AsSpan(26)));           // biPlanes
        Assert.Equal(8, BinaryPrimitives.ReadInt16LittleEndian(bmp.AsSpan(28)));           // biBitCount
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(30)));           // biCompression = BI_RGB
        Assert.Equal(512 * 512, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(34)));   // biSizeImage
        Assert.Equal(256, BinaryPrimitives.ReadInt32LittleEndian(bmp.AsSpan(46)));         // biClrUsed
        for (var i = 0; i < 256; i++)
        {
            Assert.Equal([(byte)i, (byte)i, (byte)i, 0], bmp[(54 + (4 * i))..(58 + (4 * i))]);
        }
    }

    [Fact]
    public void Get_GeneratedBitmap_LooksLikeAPhotographNotNoise()
    {
        var pixels = CompressionDataSets.Get("lena512").Bytes.ToArray()[1078..];

        var mean = pixels.Average(p => (double)p);
        var deviation = Math.Sqrt(pixels.Average(p => (p - mean) * (p - mean)));
        var horizontal = Enumerable.Range(1, pixels.Length - 1).Where(i => i % 512 != 0).Average(i => Math.Abs(pixels[i] - pixels[i - 1]));
        var vertical = Enumerable.Range(512, pixels.Length - 512).Average(i => Math.Abs(pixels[i] - pixels[i - 512]));

        // Lena: mean 124, deviation 48, mean neighbour difference 6.6 across and 4.9 down; random bytes would give 85.
        Assert.InRange(mean, 90, 160);
        Assert.InRange(deviation, 30, 70);
        Assert.InRange(horizontal, 2, 15);
        Assert.InRange(vertical, 2, 15);
        Assert.True(pixels.Distinct().Count() > 180, "the picture should use most gray levels");
    }

    [Fact]
    public void Get_GeneratedPdf_HasHeaderObjectsXrefAndEof()
    {
        var pdf = CompressionDataSets.Get("ooms").Bytes.ToArray();
        var latin1 = Encoding.Latin1.GetString(pdf);

        Assert.StartsWith("%PDF-1.2\n", latin1, StringComparison.Ordinal);
        Assert.EndsWith("\n%%EOF\n", latin1, StringComparison.Ordinal);
        Assert.True(latin1.Split("/FlateDecode").Length > 100, "expected many deflate-marked streams");

        // startxref points at the xref table, and every entry at its object.
        var startxref = latin1.LastIndexOf("startxref\n", StringComparison.Ordinal);
        var xref = int.Parse(latin1[(startxref + 10)..latin1.IndexOf('\n', startxref + 10)], CultureInfo.InvariantCulture);
        var lines = latin1[xref..].Split('\n');
        Assert.Equal("xref", lines[0]);
        var objects = int.Parse(lines[1].Split(' ')[1], CultureInfo.InvariantCulture);
        Assert.True(objects > 500);
        for (var number = 1; number < objects; number++)
        {
            var offset = int.Parse(lines[2 + number][..10], CultureInfo.InvariantCulture);
            Assert.StartsWith(number + " 0 obj\n", latin1.Substring(offset, 16), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Get_UnknownKey_ThrowsNamingTheKeys()
    {
        var exception = Assert.Throws<ArgumentException>(() => CompressionDataSets.Get("data1.json"));

        Assert.Contains("json_data1, lena512, gutenberg_faust, html_data1, ooms", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_MissingFolder_ThrowsNamingTheFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "autobahn-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var exception = Assert.Throws<DirectoryNotFoundException>(() => CompressionDataSets.Get("lena512", folder));

        Assert.Contains(folder, exception.Message, StringComparison.Ordinal);
        Assert.Contains("lena512.bmp", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_FolderWithoutTheFile_ThrowsNamingTheFile()
    {
        using var folder = new TemporaryFolder();

        var exception = Assert.Throws<FileNotFoundException>(() => CompressionDataSets.Get("ooms", folder.Path));

        Assert.Contains("10.1.1.105.5439.pdf", exception.Message, StringComparison.Ordinal);
        Assert.Contains(folder.Path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_FolderWithTheFile_ReadsItAsTheOriginal()
    {
        using var folder = new TemporaryFolder();
        var content = Encoding.UTF8.GetBytes("{\"caf\u00E9\": 1}");
        File.WriteAllBytes(Path.Combine(folder.Path, "data1.json"), content);

        var dataSet = CompressionDataSets.Get("json_data1", folder.Path);

        Assert.Equal(content, dataSet.Bytes.ToArray());
        Assert.False(dataSet.IsGenerated);
        Assert.False(dataSet.IsBinary);
        Assert.Equal("data1.json", dataSet.FileName);
        Assert.Equal(12, dataSet.Bytes.Length);
        Assert.Equal(11, dataSet.Length);
    }

    [Fact]
    public void Get_TextFileThatIsNotUtf8_Throws()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, "data1.html"), [0x3C, 0xC3, 0x28, 0x3E]);

        var exception = Assert.Throws<InvalidDataException>(() => CompressionDataSets.Get("html_data1", folder.Path));

        Assert.Contains("data1.html", exception.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Generators() => [.. CompressionDataSets.Keys];

    private sealed class TemporaryFolder : IDisposable
    {
        public TemporaryFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "autobahn-datasets-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
