using System.Text.Json.Nodes;
using Autobahn.Testsuite.Reports;

namespace Autobahn.Testsuite.Tests.Reports;

public class PythonJsonTests
{
    [Fact]
    public void Serialize_NestedObject_SortsKeysAndIndentsThreeSpaces()
    {
        var node = new JsonObject
        {
            ["b"] = new JsonArray(1, "x", null, true, false),
            ["a"] = new JsonObject { ["z"] = 1, ["y"] = new JsonObject(), ["x"] = new JsonArray() },
        };

        Assert.Equal(
            "{\n   \"a\": {\n      \"x\": [],\n      \"y\": {},\n      \"z\": 1\n   },\n   \"b\": [\n      1,\n      \"x\",\n      null,\n      true,\n      false\n   ]\n}",
            PythonJson.Serialize(node));
    }

    [Fact]
    public void Serialize_CaseIdKeys_SortAsStringsLikeSortKeys()
    {
        var node = new JsonObject { ["2.1"] = 0, ["10.1.1"] = 0, ["1.1.1"] = 0, ["1.10"] = 0, ["1.9"] = 0 };

        Assert.Equal("{\n   \"1.1.1\": 0,\n   \"1.10\": 0,\n   \"1.9\": 0,\n   \"10.1.1\": 0,\n   \"2.1\": 0\n}", PythonJson.Serialize(node));
    }

    [Fact]
    public void Serialize_IntKeyedObject_SortsKeysAsNumbersLikePythonIntKeys()
    {
        var node = new JsonObject
        {
            ["stats"] = PythonJson.IntKeyed(new Dictionary<int, int> { [166] = 1, [4] = 2, [65536] = 3 }),
            ["names"] = new JsonObject { ["166"] = 1, ["4"] = 2 },
        };

        Assert.Equal(
            "{\n   \"names\": {\n      \"166\": 1,\n      \"4\": 2\n   },\n   \"stats\": {\n      \"4\": 2,\n      \"166\": 1,\n      \"65536\": 3\n   }\n}",
            PythonJson.Serialize(node));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("<b>'&'+</b>", "\"<b>'&'+</b>\"")]
    [InlineData("q\"b\\s/", "\"q\\\"b\\\\s/\"")]
    [InlineData("\b\f\n\r\t\u0001\u007f", "\"\\b\\f\\n\\r\\t\\u0001\\u007f\"")]
    [InlineData("\u03ba\u1f79\u03c3\u03bc\u03b5", "\"\\u03ba\\u1f79\\u03c3\\u03bc\\u03b5\"")]
    [InlineData("\U0001F600", "\"\\ud83d\\ude00\"")]
    public void Quote_Text_EscapesLikeEnsureAscii(string text, string expected) =>
        Assert.Equal(expected, PythonJson.Quote(text));

    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(0.000012345, "1.2345e-05")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e17, "1.5e+17")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    public void FormatFloat_Value_MatchesPythonRepr(double value, string expected) =>
        Assert.Equal(expected, PythonJson.FormatFloat(value));

    [Fact]
    public void Serialize_NumberKinds_IntegersStayIntegersAndDoublesGetPointZero()
    {
        var node = new JsonArray(3, 3L, 3.0, 0.5);

        Assert.Equal("[\n   3,\n   3,\n   3.0,\n   0.5\n]", PythonJson.Serialize(node));
    }
}
