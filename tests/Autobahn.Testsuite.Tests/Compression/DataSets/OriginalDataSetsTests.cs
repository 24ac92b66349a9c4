using System.Security.Cryptography;
using Autobahn.Testsuite.Compression.DataSets;

namespace Autobahn.Testsuite.Tests.Compression.DataSets;

/// <summary>With wstest's original files (skipped where <see cref="SharedDataFolder"/> is absent).</summary>
public class OriginalDataSetsTests
{
    [SharedDataTheory]
    [InlineData("json_data1", "data1.json", "29a6391ee3ef8be4e76625707124af339ccc73bb")]
    [InlineData("lena512", "lena512.bmp", "f1aef32df26d8a750d2d68dc455d9930f4db621d")]
    [InlineData("gutenberg_faust", "pg2229.txt", "92183e58d19126b4caf19fafd78ef4511b3260c8")]
    [InlineData("html_data1", "data1.html", "148ccd1345844620c76c2235bef9d7c62b801052")]
    [InlineData("ooms", "10.1.1.105.5439.pdf", "22ec22672f9d79b655bddf2eec4c6e405e8742b2")]
    public void Get_WithOriginalsFolder_ReturnsTheFileByteForByte(string key, string fileName, string sha1)
    {
        var folder = SharedDataFolder.Path!;

        var dataSet = CompressionDataSets.Get(key, folder);

        Assert.False(dataSet.IsGenerated);
        Assert.Equal(fileName, dataSet.FileName);
        Assert.True(File.ReadAllBytes(Path.Combine(folder, fileName)).AsSpan().SequenceEqual(dataSet.Bytes.Span));

        // The SHA-1 of wstest v0.8.2's testdata file (shared/autobahn/data/README.md).
        Assert.Equal(sha1, Convert.ToHexStringLower(SHA1.HashData(dataSet.Bytes.Span)));
        Assert.Equal(CompressionDataSets.Get(key).Bytes.Length, dataSet.Bytes.Length);
    }

    /// <summary>
    /// Bytes sent in 1000 messages of each size, and the first messages longer in bytes than LEN, as wstest's
    /// <c>sendOne</c> computes them for data1.html: obtained by running sendOne's slicing in Python 3 (whose str is
    /// code points, like Python 2 wide unicode) on the file.
    /// </summary>
    [SharedDataTheory]
    [InlineData(16, 16000L, 0, "")]
    [InlineData(64, 64000L, 0, "")]
    [InlineData(256, 256027L, 6, "535:263 537:260 538:259 539:257 540:262 542:262")]
    [InlineData(1024, 1024108L, 11, "133:1031 134:1032 135:1036 391:1038 392:1037 648:1031")]
    [InlineData(4096, 4096432L, 21, "33:4123 97:4110 98:4109 162:4123 226:4123 290:4110")]
    [InlineData(8192, 8192837L, 36, "16:8219 48:8206 49:8205 81:8219 113:8219 145:8219")]
    [InlineData(16384, 16385674L, 67, "8:16411 24:16411 40:16411 56:16411 72:16411 88:16411")]
    [InlineData(32768, 32771348L, 131, "4:32795 12:32795 20:32795 28:32795 36:32795 44:32795")]
    [InlineData(65536, 65542723L, 256, "2:65563 6:65563 10:65563 14:65563 18:65563 22:65563")]
    [InlineData(131072, 131085419L, 504, "1:131099 3:131099 5:131099 7:131099 9:131099 11:131099")]
    public void Next_OriginalHtml_SendsTheByteLengthsWstestSends(int length, long totalBytes, int longerMessages, string firstLonger)
    {
        var html = CompressionDataSets.Get("html_data1", SharedDataFolder.Path);
        var window = new MessageWindow(html, length);

        long total = 0;
        var longer = new List<string>();
        for (var k = 0; k < 1000; k++)
        {
            var bytes = window.Next().Length;
            Assert.Equal(length, window.LastMessageLength);
            total += bytes;
            if (bytes != length)
            {
                longer.Add($"{k}:{bytes}");
            }
        }

        Assert.Equal(263500, html.Length);
        Assert.Equal(totalBytes, total);
        Assert.Equal(longerMessages, longer.Count);
        Assert.Equal(firstLonger, string.Join(' ', longer.Take(6)));
    }

    [SharedDataTheory]
    [InlineData("html_data1", 256)]
    [InlineData("html_data1", 131072)]
    [InlineData("json_data1", 65536)]
    [InlineData("gutenberg_faust", 131072)]
    public void Next_OriginalDataSet_MatchesNaiveTranscriptionOfSendOne(string key, int length)
    {
        var dataSet = CompressionDataSets.Get(key, SharedDataFolder.Path);
        var window = new MessageWindow(dataSet, length);
        var reference = new WstestSendOne(dataSet.Bytes.ToArray(), dataSet.IsBinary, length);

        for (var i = 0; i < Math.Min(1000, (2 * dataSet.Bytes.Length / length) + 2); i++)
        {
            Assert.True(reference.Next().AsSpan().SequenceEqual(window.Next()), $"message {i}");
        }
    }
}
