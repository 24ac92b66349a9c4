using Autobahn.Xunit.Tests.Subjects;
using Xunit.v3;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>The settings a row hands to the runner through xUnit v3's test context.</summary>
public sealed class XunitRowsTests
{
    [Fact]
    public async Task Rows_FindTheirOwnSettings_OneTheoryRunPerRunOfATheory()
    {
        var outcomes = await InProcessRun.RunAsync(typeof(RowSettingsSubject));
        Assert.All(outcomes.Values, o => Assert.Equal("Passed", o.Result));
        var seen = SeenSettings.Rows;

        var slow1 = Assert.IsType<Autobahn.Xunit.Sdk.RowSettings>(seen["Slow 1.1.1"]);
        var slow2 = Assert.IsType<Autobahn.Xunit.Sdk.RowSettings>(seen["Slow 1.1.2"]);
        var plain1 = Assert.IsType<Autobahn.Xunit.Sdk.RowSettings>(seen["Plain 1.1.1"]);
        Assert.Equal(3, slow1.TimeScale);
        Assert.Equal(1, plain1.TimeScale);
        Assert.Same(slow1.TheoryRun, slow2.TheoryRun);
        Assert.NotSame(slow1.TheoryRun, plain1.TheoryRun);
        Assert.True(slow1.Expectations.IsEmpty);

        // A case id that is not the row's own gets no settings: that call is not the row's.
        Assert.Null(seen["Slow 1.1.1 as another id"]);

        // The same theory run again starts afresh.
        await InProcessRun.RunAsync(typeof(RowSettingsSubject));
        Assert.NotSame(slow1.TheoryRun, SeenSettings.Rows["Slow 1.1.1"]!.TheoryRun);
    }

    [Fact]
    public async Task WithoutTheAdaptersFramework_RowsStillFindTheirSettings_OneTheoryRunPerTheoryForTheProcess()
    {
        var outcomes = await InProcessRun.RunAsync(new XunitTestFramework(), typeof(RowSettingsSubject));
        Assert.All(outcomes.Values, o => Assert.Equal("Passed", o.Result));
        var first = SeenSettings.Rows["Slow 1.1.1"]!;
        Assert.Equal(3, first.TimeScale);
        Assert.Same(first.TheoryRun, SeenSettings.Rows["Slow 1.1.2"]!.TheoryRun);
        Assert.NotSame(first.TheoryRun, SeenSettings.Rows["Plain 1.1.1"]!.TheoryRun);

        await InProcessRun.RunAsync(new XunitTestFramework(), typeof(RowSettingsSubject));
        Assert.Same(first.TheoryRun, SeenSettings.Rows["Slow 1.1.1"]!.TheoryRun);
    }
}
