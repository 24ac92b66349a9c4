using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>A row's settings are found by the row's own argument instance, never by an equal string.</summary>
public class XunitRowsTests
{
    [Fact]
    public void Find_TheRegisteredArgument_GivesTheRowsSettings()
    {
        var settings = Settings();

        var argument = XunitRows.Register("2.2", settings);

        Assert.Equal("2.2", argument);
        Assert.Same(settings, XunitRows.Find(argument));
        XunitRows.Unregister(argument);
    }

    [Fact]
    public void Find_AnEqualStringBuiltElsewhere_IsNotARow()
    {
        var argument = XunitRows.Register("2.2", Settings());
        try
        {
            // A literal (interned) and a string built at run time: equal to the row's argument, but not it.
            Assert.Null(XunitRows.Find("2.2"));
            Assert.Null(XunitRows.Find(string.Concat("2.", "2".AsSpan())));
        }
        finally
        {
            XunitRows.Unregister(argument);
        }
    }

    [Fact]
    public void Register_TheSameCaseTwice_EachRowKeepsItsOwnSettings()
    {
        // Two theories running the same case at the same time.
        RowSettings first = Settings(), second = Settings();

        var one = XunitRows.Register("2.2", first);
        var other = XunitRows.Register("2.2", second);

        Assert.NotSame(one, other);
        Assert.Same(first, XunitRows.Find(one));
        Assert.Same(second, XunitRows.Find(other));
        XunitRows.Unregister(one);
        XunitRows.Unregister(other);
    }

    [Fact]
    public void Find_AfterUnregister_IsNotARow()
    {
        var argument = XunitRows.Register("2.2", Settings());

        XunitRows.Unregister(argument);

        Assert.Null(XunitRows.Find(argument));
    }

    [Theory]
    [InlineData(true, "UNIMPLEMENTED: declined")]
    [InlineData(false, "UNIMPLEMENTED: declined\n" + UnimplementedText.OutsideRow)]
    public void Unimplemented_InARowTheReason_OutsideARowSaysWhyItFails(bool inRow, string message)
    {
        var e = Assert.IsType<UnimplementedCaseException>(XunitRows.Unimplemented("UNIMPLEMENTED: declined", inRow));

        Assert.Equal(message, e.Message);
        Assert.Equal("UNIMPLEMENTED: declined", e.Reason);
    }

    private static RowSettings Settings() => new(() => CaseExpectations.None, timeScale: 1, new TheoryRun(new ManualClock()));
}
