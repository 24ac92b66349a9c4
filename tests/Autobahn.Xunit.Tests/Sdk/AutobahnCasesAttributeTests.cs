namespace Autobahn.Xunit.Tests.Sdk;

public class AutobahnCasesAttributeTests
{
    [Fact]
    public void GetData_Patterns_OneRowPerCaseHoldingOnlyTheIdString()
    {
        var rows = new AutobahnCasesAttribute("2.1", "2.2").GetData(null!).ToList();

        Assert.Equal([["2.1"], ["2.2"]], rows);
    }

    [Fact]
    public void GetData_ExcludeList_RemovesCommaSeparatedPatterns()
    {
        var rows = new AutobahnCasesAttribute("2.*") { Exclude = " 2.1 ,2.1*, " }.GetData(null!).Select(r => (string)r[0]);

        Assert.Equal(["2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9"], rows);
    }

    [Fact]
    public void Patterns_None_SelectsEverything() =>
        Assert.Equal(["*"], new AutobahnCasesAttribute().Patterns);

    [Fact]
    public void GetData_BadPattern_Throws() =>
        Assert.Throws<ArgumentException>(() => new AutobahnCasesAttribute("x.y").GetData(null!).ToList());
}
