using System.Text;
using Autobahn.Testsuite.Compression.DataSets;

namespace Autobahn.Testsuite.Tests.Compression.DataSets;

public class MessageWindowTests
{
    private static CompressionDataSet Binary(string ascii) =>
        new("test", "test", "test.bin", isBinary: true, Encoding.ASCII.GetBytes(ascii), isGenerated: true);

    private static CompressionDataSet Text(string text) =>
        new("test", "test", "test.txt", isBinary: false, Encoding.UTF8.GetBytes(text), isGenerated: true);

    private static string[] Take(MessageWindow window, int count, Encoding encoding) =>
        [.. Enumerable.Range(0, count).Select(_ => encoding.GetString(window.Next()))];

    [Fact]
    public void Next_BinaryWindowCrossesTheEnd_WrapsAround()
    {
        var window = new MessageWindow(Binary("0123456789"), 4);

        // ptr 0 -> 4 -> 8 -> (8+4)%10 = 2 (wrap: [8:] + [:2]) -> 6 -> (6+4)%10 = 0 (idxTo 0 is not > 6: [6:] + [:0]) -> 4
        Assert.Equal(["0123", "4567", "8901", "2345", "6789", "0123"], Take(window, 6, Encoding.ASCII));
        Assert.Equal(4, window.Pointer);
        Assert.Equal(4, window.LastMessageLength);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    public void Next_LengthIsAMultipleOfTheDataSet_SendsTheWholeDataSetEveryTime(int length)
    {
        var window = new MessageWindow(Binary("0123456789"), length);

        // idxTo == idxFrom, which is not >, so wstest takes payload[ptr:] + payload[:ptr]: the whole file, N bytes, not LEN.
        Assert.Equal(["0123456789", "0123456789"], Take(window, 2, Encoding.ASCII));
        Assert.Equal(0, window.Pointer);
        Assert.Equal(10, window.LastMessageLength);
    }

    [Fact]
    public void Next_LengthLargerThanTheDataSet_WrapsOnlyOnceLikeWstest()
    {
        var window = new MessageWindow(Binary("0123456789"), 13);

        // (0+13)%10 = 3 > 0: payload[0:3]; (3+13)%10 = 6 > 3: payload[3:6]; (6+13)%10 = 9: [6:9]; (9+13)%10 = 2: [9:] + [:2]
        Assert.Equal(["012", "345", "678", "901"], Take(window, 4, Encoding.ASCII));
        Assert.Equal(3, window.LastMessageLength);
    }

    [Fact]
    public void Next_LengthZero_SendsEmptyMessages()
    {
        var window = new MessageWindow(Binary("0123456789"), 0);

        Assert.Empty(window.Next());
        Assert.Empty(window.Next());
        Assert.Equal(0, window.Pointer);
        Assert.Equal(0, window.LastMessageLength);
    }

    [Fact]
    public void Constructor_NegativeLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessageWindow(Binary("0123"), -1));
    }

    [Fact]
    public void Next_TextWithMultiByteCodePoints_WindowsInCodePoints()
    {
        // a (1 byte), é (2), € (3), U+1D11E (4, one code point in Python 2 wide unicode), b (1): 5 code points, 11 bytes.
        var window = new MessageWindow(Text("a\u00E9\u20AC\U0001D11Eb"), 2);

        var messages = Take(window, 6, Encoding.UTF8);

        // ptr 0 -> 2 -> 4 -> (4+2)%5 = 1 (wrap: [4:] + [:1]) -> 3 -> (3+2)%5 = 0 (wrap: [3:] + [:0]) -> 2
        Assert.Equal(["a\u00E9", "\u20AC\U0001D11E", "ba", "\u00E9\u20AC", "\U0001D11Eb", "a\u00E9"], messages);
        Assert.Equal([3, 7, 2, 5, 5, 3], messages.Select(m => Encoding.UTF8.GetByteCount(m)));
        Assert.Equal(2, window.LastMessageLength);
        Assert.Equal(2, window.Pointer);
    }

    [Fact]
    public void Next_TextLengthEqualsCodePointCount_SendsAllBytes()
    {
        var window = new MessageWindow(Text("a\u00E9\u20AC\U0001D11Eb"), 5);

        Assert.Equal(11, window.Next().Length);
        Assert.Equal(5, window.LastMessageLength);
    }

    [Theory]
    [InlineData(false, "a\u00E9\u20AC\U0001D11Eb", 5)]
    [InlineData(true, "a\u00E9\u20AC\U0001D11Eb", 11)]
    public void MeasureLength_CountsCodePointsForTextAndBytesForBinary(bool binary, string payload, int expected)
    {
        var dataSet = binary ? new("b", "b", "b", true, [1, 2, 3], true) : Text("xyz");
        var window = new MessageWindow(dataSet, 1);

        Assert.Equal(expected, window.MeasureLength(Encoding.UTF8.GetBytes(payload)));
    }

    [Fact]
    public void Length_TextDataSet_IsInCodePoints()
    {
        Assert.Equal(5, Text("a\u00E9\u20AC\U0001D11Eb").Length);
        Assert.Equal(11, Binary("01234567890").Length);
    }

    [Theory]
    [InlineData("json_data1", 16)]
    [InlineData("json_data1", 131072)]
    [InlineData("lena512", 4096)]
    [InlineData("gutenberg_faust", 65536)]
    [InlineData("html_data1", 256)]
    [InlineData("html_data1", 8192)]
    [InlineData("html_data1", 131072)]
    [InlineData("ooms", 131072)]
    public void Next_GeneratedDataSet_MatchesNaiveTranscriptionOfSendOne(string key, int length)
    {
        var dataSet = CompressionDataSets.Get(key);
        var window = new MessageWindow(dataSet, length);
        var reference = new WstestSendOne(dataSet.Bytes.ToArray(), dataSet.IsBinary, length);

        // Enough messages to wrap around the end at least once for every length.
        var messages = Math.Max(20, (2 * dataSet.Bytes.Length / length) + 2);
        for (var i = 0; i < Math.Min(messages, 1000); i++)
        {
            var expected = reference.Next();
            var actual = window.Next();
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"message {i}: {actual.Length} bytes, expected {expected.Length}");
            Assert.Equal(window.LastMessageLength, window.MeasureLength(actual));
        }
    }

    [Theory]
    [InlineData("html_data1", 131072)]
    [InlineData("lena512", 65536)]
    public void NextView_SameMessagesAsNext(string key, int length)
    {
        var dataSet = CompressionDataSets.Get(key);
        var copying = new MessageWindow(dataSet, length);
        var viewing = new MessageWindow(dataSet, length);

        for (var i = 0; i < 12; i++)
        {
            var expected = copying.Next();
            Assert.True(expected.AsSpan().SequenceEqual(viewing.NextView().Span), $"message {i}");
            Assert.Equal(copying.Pointer, viewing.Pointer);
            Assert.Equal(copying.LastMessageLength, viewing.LastMessageLength);
        }
    }

    [Fact]
    public void Next_GeneratedHtml_SomeWindowsAreLongerInBytesThanInCodePoints()
    {
        var window = new MessageWindow(CompressionDataSets.Get("html_data1"), 256);

        int[] byteLengths = [.. Enumerable.Range(0, 1100).Select(_ => window.Next().Length)];

        // 26 non-ASCII code points (27 extra bytes) in a file of 263500 code points: with LEN 256 the pointer covers the
        // file about once in 1030 messages, so the extra bytes are sent once each.
        Assert.All(byteLengths, length => Assert.InRange(length, 256, 256 + 27));
        Assert.Equal(27, byteLengths.Take(1030).Sum() - (1030 * 256));
    }
}
