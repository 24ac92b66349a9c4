using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class CaseDisplayTests
{
    [Fact]
    public void DisplayName_ShortDescription_IsIdDotDescription() =>
        Assert.Equal("2.2 · Send ping with small text payload.", CaseDisplay.DisplayName("2.2"));

    [Fact]
    public void DisplayName_HtmlDescription_StripsTagsAndCutsAtWordWithEllipsis()
    {
        var name = CaseDisplay.DisplayName("6.4.1");

        Assert.StartsWith("6.4.1 · Send invalid UTF-8 text message in 3 fragments (frames). First frame payload is valid, then", name);
        Assert.EndsWith("…", name);
        Assert.DoesNotContain("<", name);
        Assert.True(name.Length - "6.4.1 · ".Length <= CaseDisplay.MaxDescriptionLength + 1, name);
    }

    [Fact]
    public void DisplayName_UnknownId_IsTheIdAlone() =>
        Assert.Equal("99.1", CaseDisplay.DisplayName("99.1"));

    [Theory]
    [InlineData("1.1.1", 1)]
    [InlineData("2.2", 18)]
    [InlineData("10.1.1", 301)]
    [InlineData("13.7.18", 517)]
    [InlineData("99.1", 9999)]
    public void RunOrder_CaseId_IsPositionInWstestList(string caseId, int expected) =>
        Assert.Equal(expected, CaseDisplay.RunOrder(caseId));

    [Theory]
    [InlineData("Send a <b>bold</b> move.<br><br>PART1 = ce", "Send a bold move. PART1 = ce")]
    [InlineData("  a \t\n b  ", "a b")]
    [InlineData("x &amp; y", "x & y")]
    public void PlainText_Html_StripsTagsCollapsesWhitespaceDecodesEntities(string html, string expected) =>
        Assert.Equal(expected, CaseDisplay.PlainText(html));

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly 10", 10, "exactly 10")]
    [InlineData("one two three four", 10, "one two…")]
    [InlineData("abcdefghijklmnop", 10, "abcdefghi…")]
    public void Shorten_Text_CutsToMaxLength(string text, int max, string expected)
    {
        var shortened = CaseDisplay.Shorten(text, max);

        Assert.Equal(expected, shortened);
        Assert.True(shortened.Length <= max);
    }
}
