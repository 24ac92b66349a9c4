using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Reports;

namespace Autobahn.Testsuite.Tests.Reports;

public class TextFormattingTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    [InlineData("  hi  ", new[] { "  hi" })]
    [InlineData("a\tb", new[] { "a       b" })]
    [InlineData("a\nb", new[] { "a b" })]
    public void Wrap_ShortTexts_AsPythonTextwrap(string text, string[] expected)
    {
        Assert.Equal(expected, TextWrap.Wrap(text, 100));
    }

    [Fact]
    public void Wrap_LongHexWithEllipsis_BreaksTheWordAt100()
    {
        var hex = new string('a', 128) + " ...";

        Assert.Equal([new string('a', 100), new string('a', 28) + " ..."], TextWrap.Wrap(hex, 100));
    }

    [Fact]
    public void Wrap_Words_FillGreedilyAndDropSpacesAtLineStarts()
    {
        Assert.Equal(["aaa bbb", "ccc"], TextWrap.Wrap("aaa bbb ccc", 7));
    }

    [Fact]
    public void Repr_EventsAndDict_AsPython2Prints()
    {
        CaseOutcome[] outcomes =
        [
            new() { Behavior = Behavior.Ok, Events = [CaseEvent.Text("it's"), CaseEvent.Message([0xc3], isBinary: true)] },
            new() { Behavior = Behavior.NonStrict, Events = [] },
        ];

        Assert.Equal("{'NON-STRICT': [], 'OK': [('message', u\"it's\", False), ('message', '0xc3', True)]}", PythonRepr.Expected(outcomes));
        Assert.Equal("[('pong', u'caf\\xe9 \\u20ac \\U0001f600\\n'), ('timeout', 'A')]", PythonRepr.List([CaseEvent.Pong(Encoding.UTF8.GetBytes("café € 😀\n")), CaseEvent.Timeout("A")]));
    }

    [Fact]
    public void Limit_LongerThan1000_CutsTo996AndEllipsis()
    {
        Assert.Equal(new string('x', 996) + " ...", PythonRepr.Limit(new string('x', 1001)));
        Assert.Equal(new string('x', 996), PythonRepr.Limit(new string('x', 996)));
    }
}
