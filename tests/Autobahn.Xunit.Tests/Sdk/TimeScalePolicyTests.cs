using Autobahn.Testsuite;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class TimeScalePolicyTests
{
    [Theory]
    [InlineData(1, 1, null, false, 1)]
    [InlineData(0.2, 1, null, false, 0.2)]
    [InlineData(1, 3, null, false, 3)]
    [InlineData(1, 1, "2.5", false, 2.5)]
    [InlineData(1, 1, "  ", false, 1)]
    [InlineData(1, 1, null, true, 10)]
    [InlineData(0.5, 2, "3", true, 30)]
    public void Resolve_MultipliesOptionsAttributeEnvironmentAndDebugger(double options, double attribute, string? environment, bool debugger, double expected)
    {
        Assert.Equal(expected, TimeScalePolicy.Resolve(options, attribute, environment, debugger), precision: 9);
    }

    [Theory]
    [InlineData("zero")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Resolve_BadEnvironmentValue_ThrowsNamingTheVariable(string environment)
    {
        var e = Assert.Throws<ArgumentException>(() => TimeScalePolicy.Resolve(1, 1, environment, debuggerAttached: false));

        Assert.StartsWith($"AUTOBAHN_TIME_SCALE='{environment}' is not a positive number", e.Message);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, -2)]
    public void Resolve_NonPositiveFactor_Throws(double options, double attribute)
    {
        Assert.Throws<ArgumentException>(() => TimeScalePolicy.Resolve(options, attribute, null, debuggerAttached: false));
    }

    [Fact]
    public void Apply_NothingToScale_KeepsTheOptions()
    {
        var options = new FuzzingOptions { Agent = "Mine" };

        Assert.Same(options, TimeScalePolicy.Apply(options, 1, null, debuggerAttached: false));
        Assert.Same(FuzzingOptions.Default, TimeScalePolicy.Apply(null, 1, null, debuggerAttached: false));
    }

    [Fact]
    public void Apply_Debugger_ScalesAndKeepsTheRest()
    {
        var options = new FuzzingOptions { Agent = "Mine", TimeScale = 0.5 };

        var applied = TimeScalePolicy.Apply(options, 1, null, debuggerAttached: true);

        Assert.Equal(options with { TimeScale = 5 }, applied);
    }
}
