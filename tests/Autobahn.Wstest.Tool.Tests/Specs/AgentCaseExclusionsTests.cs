using Autobahn.Wstest.Tool.Specs;

namespace Autobahn.Wstest.Tool.Tests.Specs;

public class AgentCaseExclusionsTests
{
    private static AgentCaseExclusions Parse(string json) => AgentCaseExclusions.Parse(SpecFile.Parse(json, "spec.json"));

    [Theory]
    [InlineData("ws", "9.1.1", true)]
    [InlineData("ws", "9.8.6", true)]
    [InlineData("ws", "1.1.1", false)]
    [InlineData("wsx", "9.1.1", false)] // anchored at the end too: "ws" is not "wsx"
    [InlineData("node-ws", "9.1.1", false)] // and at the start
    [InlineData("ws", "12.1.1", true)] // "12.1.1" is a literal id
    [InlineData("ws", "12.1.10", false)]
    [InlineData("Jetty/9", "6.4.3", true)]
    [InlineData("Jetty/9", "6.4.33", false)]
    public void Excludes_BothSidesAnchored_DotLiteral_StarAnyRun(string agent, string caseId, bool excluded)
    {
        var exclusions = Parse("""{"ws": ["9.*", "12.1.1"], "Jetty*": ["6.4.3"]}""");
        Assert.Equal(excluded, exclusions.Excludes(agent, caseId));
    }

    [Fact]
    public void Excludes_DotIsNotAnyCharacter()
    {
        Assert.False(Parse("""{"a.b": ["1.1.1"]}""").Excludes("axb", "1.1.1"));
        Assert.False(Parse("""{"*": ["1.1.1"]}""").Excludes("x", "1x1x1"));
    }
}
