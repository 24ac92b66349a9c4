using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class ConcurrencyPolicyTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 8)]
    [InlineData(64, 8)]
    public void Default_TwiceTheProcessorsAtMostEight(int processors, int expected)
    {
        Assert.Equal(expected, ConcurrencyPolicy.Default(processors));
    }

    [Theory]
    [InlineData(0, null, false, 2, 4)]
    [InlineData(3, null, false, 2, 3)]
    [InlineData(1, null, false, 2, 1)]
    [InlineData(0, "1", false, 2, 1)]
    [InlineData(6, "2", false, 2, 2)]
    [InlineData(0, " ", false, 2, 4)]
    [InlineData(6, null, true, 2, 1)]
    [InlineData(0, "5", true, 2, 5)]
    public void Resolve_EnvironmentThenDebuggerThenAttributeThenDefault(int attribute, string? environment, bool debugger, int processors, int expected)
    {
        Assert.Equal(expected, ConcurrencyPolicy.Resolve(attribute, environment, debugger, processors));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("four")]
    [InlineData("1.5")]
    public void Resolve_BadEnvironmentValue_ThrowsNamingTheVariable(string environment)
    {
        var e = Assert.Throws<ArgumentException>(() => ConcurrencyPolicy.Resolve(0, environment, false, 2));

        Assert.StartsWith($"AUTOBAHN_CONCURRENCY='{environment}' is not a positive integer", e.Message);
    }

    [Fact]
    public void Resolve_NegativeAttribute_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConcurrencyPolicy.Resolve(-1, null, false, 2));
    }

    [Theory]
    [InlineData("1.1.1", true)]
    [InlineData("6.4.1", true)]
    [InlineData("10.1.1", true)]
    [InlineData("9.1.1", false)]
    [InlineData("9.8.6", false)]
    public void MayRunConcurrently_AllButSection9(string caseId, bool expected)
    {
        Assert.Equal(expected, ConcurrencyPolicy.MayRunConcurrently(caseId));
    }
}
