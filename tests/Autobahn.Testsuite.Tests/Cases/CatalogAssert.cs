using System.Text;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Tests.Cases;

/// <summary>Shared assertions for the catalog spot checks.</summary>
internal static class CatalogAssert
{
    public static CaseDefinition Case(string id) => CaseCatalog.Get(CaseId.Parse(id));

    public static void Close(CaseDefinition definition, bool closedByMe, int[] codes, bool requireClean, bool fatal = false)
    {
        Assert.Equal(closedByMe, definition.ExpectedClose.ClosedByMe);
        Assert.Equal(codes, definition.ExpectedClose.CloseCodes);
        Assert.Equal(requireClean, definition.ExpectedClose.RequireClean);
        Assert.Equal(fatal, definition.ExpectedClose.ClosedByWrongEndpointIsFatal);
    }

    /// <summary>Asserts the outcomes: OK's events, then NON-STRICT's events when given.</summary>
    public static void Expected(CaseDefinition definition, CaseEvent[] ok, CaseEvent[]? nonStrict = null)
    {
        var outcomes = definition.Expected;
        Assert.Equal(nonStrict is null ? 1 : 2, outcomes.Count);
        Assert.Equal(Behavior.Ok, outcomes[0].Behavior);
        Assert.Equal(ok, outcomes[0].Events);
        if (nonStrict is not null)
        {
            Assert.Equal(Behavior.NonStrict, outcomes[1].Behavior);
            Assert.Equal(nonStrict, outcomes[1].Events);
        }
    }

    public static void Steps(CaseDefinition definition, params string[] lines) => Assert.Equal(lines, StepText.Of(definition.OnOpen));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);

    public static byte[] Repeat(byte value, int count) => Enumerable.Repeat(value, count).ToArray();
}
