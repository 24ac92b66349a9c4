using Autobahn.Testsuite.Cases;
using Autobahn.Wstest.Tool.Cli;

namespace Autobahn.Wstest.Tool.Tests.Cli;

public class WstestCommandLineTests
{
    private static ToolArguments Parse(params string[] args)
    {
        var arguments = new WstestCommandLine().Parse(args, TextWriter.Null, out _);
        return Assert.IsType<ToolArguments>(arguments);
    }

    [Fact]
    public void Parse_WstestsShortOptions_AreWstestsMeanings()
    {
        var arguments = Parse("-m", "fuzzingclient", "-s", "spec.json", "-w", "ws://127.0.0.1:9001", "-u", "0", "-d");
        Assert.Equal("fuzzingclient", arguments.Mode);
        Assert.Equal("spec.json", arguments.Spec);
        Assert.Equal("ws://127.0.0.1:9001", arguments.WsUri);
        Assert.Equal(0, arguments.WebPort);
        Assert.True(arguments.Debug);
    }

    [Fact]
    public void Parse_Defaults_AreWstests()
    {
        var arguments = Parse("--mode", "fuzzingclient");
        Assert.Null(arguments.Spec);
        Assert.Equal(8080, arguments.WebPort);
        Assert.Equal(1, arguments.Parallel);
        Assert.Empty(arguments.FailOn);
        Assert.False(arguments.ExitZero);
    }

    [Theory]
    [InlineData(new[] { "--fail-on", "NON-STRICT" }, new[] { Behavior.NonStrict })]
    [InlineData(new[] { "--fail-on", "non-strict,informational" }, new[] { Behavior.NonStrict, Behavior.Informational })]
    [InlineData(new[] { "--fail-on", "NON_STRICT", "UNIMPLEMENTED" }, new[] { Behavior.NonStrict, Behavior.Unimplemented })]
    [InlineData(new[] { "--fail-on", "wrong-code" }, new[] { Behavior.WrongCode })]
    public void Parse_FailOn_TakesWstestsVerdictNames(string[] args, Behavior[] expected)
    {
        Assert.Equal(expected.Order(), Parse(["-m", "fuzzingclient", .. args]).FailOn.Order());
    }

    [Theory]
    [InlineData("-m", "fuzzingclient", "--fail-on", "BAD")]
    [InlineData("-m", "fuzzingclient", "-u", "70000")]
    [InlineData("-m", "fuzzingclient", "-u", "x")]
    [InlineData("-m", "fuzzingclient", "--parallel", "0")]
    [InlineData("-m", "fuzzingclient", "--nope")]
    [InlineData("-m", "nomode")]
    [InlineData("-s", "spec.json")]
    public void Parse_BadCommandLine_IsAUsageError(params string[] args)
    {
        Assert.Throws<UsageException>(() => new WstestCommandLine().Parse(args, TextWriter.Null, out _));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-a")]
    public void Parse_HelpAndVersion_AreHandledWithExitZero(string option)
    {
        using var output = new StringWriter();
        Assert.Null(new WstestCommandLine().Parse([option], output, out var exitCode));
        Assert.Equal(0, exitCode);
        Assert.NotEmpty(output.ToString());
    }

    [Fact]
    public void Parse_AutobahnVersion_PrintsWstestsVersionLines()
    {
        using var output = new StringWriter();
        new WstestCommandLine().Parse(["-a"], output, out _);
        Assert.StartsWith("Autobahn 0.10.9\nAutobahnTestSuite 0.8.2\n", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherModesOptions_AreKeptForAWarning()
    {
        Assert.Equal(["-i/--ident"], Parse("-m", "fuzzingclient", "-i", "me").UnusedOptions);
    }
}
