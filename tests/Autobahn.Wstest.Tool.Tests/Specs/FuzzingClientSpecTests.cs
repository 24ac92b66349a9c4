using Autobahn.Testsuite;
using Autobahn.Wstest.Tool.Cli;
using Autobahn.Wstest.Tool.Specs;

namespace Autobahn.Wstest.Tool.Tests.Specs;

public class FuzzingClientSpecTests
{
    private static FuzzingClientSpec Read(string json, string? wsUri = null) =>
        FuzzingClientSpec.Read(SpecFile.Parse(json, "spec.json"), wsUri, FuzzingOptions.Default);

    [Fact]
    public void Read_NoOutdir_IsWstestsDefault()
    {
        var spec = Read("""{"cases": ["1.1.1"], "servers": [{"url": "ws://127.0.0.1:9001"}]}""");
        Assert.Equal("./reports/servers/", spec.Outdir);
    }

    [Fact]
    public void Read_Servers_KeepTheirOrderAgentsAndUrls()
    {
        var spec = Read("""{"cases": ["*"], "outdir": "out", "servers": [{"url": "ws://127.0.0.1:9001/a", "agent": "A"}, {"url": "ws://127.0.0.1:9002"}]}""");
        Assert.Equal("out", spec.Outdir);
        Assert.Equal(["A", null], spec.Servers.Select(s => s.Agent));
        Assert.Equal(["A", null], spec.Servers.Select(s => s.Options.Agent));
        Assert.Equal([new Uri("ws://127.0.0.1:9001/a"), new Uri("ws://127.0.0.1:9002")], spec.Servers.Select(s => s.Url));
    }

    [Theory]
    [InlineData("""{"cases": ["*"]}""")]
    [InlineData("""{"cases": ["*"], "servers": []}""")]
    public void Read_NoServers_TakesWsUri(string json)
    {
        Assert.Equal(new Uri("ws://127.0.0.1:9009/"), Assert.Single(Read(json, "ws://127.0.0.1:9009/").Servers).Url);
        Assert.Throws<UsageException>(() => Read(json));
    }

    [Fact]
    public void Read_ServersGiven_IgnoresWsUri()
    {
        Assert.Equal(new Uri("ws://127.0.0.1:9001"), Assert.Single(Read("""{"cases": ["*"], "servers": [{"url": "ws://127.0.0.1:9001"}]}""", "ws://127.0.0.1:9009/").Servers).Url);
    }

    [Fact]
    public void Read_Options_MergeGlobalThenServer()
    {
        // fuzzing.py nextServer: reset, failByDrop=False, spec options, server options (the server's win).
        var spec = Read("""
            {"cases": ["*"], "options": {"openHandshakeTimeout": 7, "closeHandshakeTimeout": 3},
             "servers": [{"url": "ws://127.0.0.1:9001", "options": {"closeHandshakeTimeout": 0.5}}, {"url": "ws://127.0.0.1:9002"}]}
            """);
        Assert.Equal(TimeSpan.FromSeconds(7), spec.Servers[0].Options.OpenHandshakeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(0.5), spec.Servers[0].Options.CloseHandshakeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), spec.Servers[1].Options.CloseHandshakeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), spec.Servers[1].Options.ServerConnectionDropTimeout);
        Assert.Empty(spec.Warnings);
    }

    [Fact]
    public void Read_OptionsWeDoNotHonour_AreNamedInWarnings()
    {
        var spec = Read("""
            {"cases": ["*"], "options": {"failByDrop": false, "version": 18, "autoPingInterval": 10},
             "servers": [{"url": "ws://127.0.0.1:9001", "origin": "http://x", "protocols": ["chat"], "hostname": "h", "options": {"failByDrop": true}}]}
            """);
        Assert.Contains(spec.Warnings, w => w.Contains("\"autoPingInterval\"", StringComparison.Ordinal));
        Assert.Contains(spec.Warnings, w => w.Contains("\"failByDrop\": true", StringComparison.Ordinal));
        Assert.Contains(spec.Warnings, w => w.Contains("\"hostname\"", StringComparison.Ordinal));
        Assert.DoesNotContain(spec.Warnings, w => w.Contains("\"version\"", StringComparison.Ordinal));
        Assert.DoesNotContain(spec.Warnings, w => w.Contains("\"origin\"", StringComparison.Ordinal) || w.Contains("\"protocols\"", StringComparison.Ordinal));
        Assert.Equal(3, spec.Warnings.Count);
    }

    [Fact]
    public void Read_OriginAndProtocols_ReachEachServersOptionsWithoutAWarning()
    {
        // fuzzing.py nextServer: setSessionParameters(origin=server.get("origin", None), protocols=server.get("protocols", [])).
        var spec = Read("""
            {"cases": ["*"],
             "servers": [{"url": "ws://127.0.0.1:9001", "origin": "http://example.test", "protocols": ["chat", "superchat"]},
                         {"url": "ws://127.0.0.1:9002", "origin": null, "protocols": []},
                         {"url": "ws://127.0.0.1:9003"}]}
            """);

        Assert.Empty(spec.Warnings);
        Assert.Equal("http://example.test", spec.Servers[0].Options.Origin);
        Assert.Equal(["chat", "superchat"], spec.Servers[0].Options.Protocols!);
        Assert.All(spec.Servers.Skip(1), s => Assert.Null(s.Options.Origin));
        Assert.All(spec.Servers.Skip(1), s => Assert.Null(s.Options.Protocols));
    }

    [Fact]
    public void Read_Wss_AcceptsAnyCertificateAsWstest082_AndVerifiesWithHostname()
    {
        var spec = Read("""{"cases": ["*"], "servers": [{"url": "wss://127.0.0.1:9001"}, {"url": "wss://127.0.0.1:9002", "hostname": "localhost"}]}""");

        Assert.True(spec.Servers[0].Options.Tls.AcceptAnyCertificate);
        Assert.False(spec.Servers[1].Options.Tls.AcceptAnyCertificate);
        Assert.Equal("localhost", spec.Servers[1].Options.Tls.HostName);
        Assert.Empty(spec.Warnings);
    }

    [Theory]
    [InlineData("""{"servers": [{"url": "ws://127.0.0.1:9001"}]}""", "\"cases\" is required")]
    [InlineData("""{"cases": "*", "servers": [{"url": "ws://127.0.0.1:9001"}]}""", "\"cases\" must be a list of strings")]
    [InlineData("""{"cases": ["*"], "servers": [{"url": "ws://127.0.0.1:9001", "options": {"nope": 1}}]}""", "unknown option \"nope\"")]
    [InlineData("""{"cases": ["*"], "options": {"openHandshakeTimeout": "5"}, "servers": [{"url": "ws://127.0.0.1:9001"}]}""", "positive number of seconds")]
    [InlineData("""{"cases": ["*"], "servers": [{"agent": "x"}]}""", "servers[0].\"url\" is required")]
    [InlineData("""{"cases": ["*"], "servers": [{"url": "http://127.0.0.1:9001"}]}""", "is not a ws:// URL")]
    [InlineData("""{"cases": ["*"], "exclude-agent-cases": {"a": "1.*"}, "servers": [{"url": "ws://127.0.0.1:9001"}]}""", "must be a list of strings")]
    [InlineData("""{"cases": ["*"], "servers": [{"url": "ws://127.0.0.1:9001", "origin": 1}]}""", "servers[0].\"origin\" must be a string")]
    [InlineData("""{"cases": ["*"], "servers": [{"url": "ws://127.0.0.1:9001", "protocols": "chat"}]}""", "servers[0].\"protocols\" must be a list of strings")]
    public void Read_BadSpec_IsOneClearUsageError(string json, string message)
    {
        var e = Assert.Throws<UsageException>(() => Read(json));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"cases\": [\"*\"],}")]
    [InlineData("[\"*\"]")]
    [InlineData("{\"cases\": [\"*\"], \"cases\": []}")]
    public void Parse_NotAJsonObject_IsAUsageError(string text)
    {
        var e = Assert.Throws<UsageException>(() => SpecFile.Parse(text, "spec.json"));
        Assert.Contains("spec.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownTopLevelKeys_AreIgnoredAsByWstest()
    {
        var spec = Read("""{"cases": ["1.1.1"], "webport": 8080, "headers": {"a": "b"}, "servers": [{"url": "ws://127.0.0.1:9001", "desc": "x"}]}""");
        Assert.Single(spec.Cases);
        Assert.Empty(spec.Warnings);
    }

    [Fact]
    public void Read_ExcludeAgentCases_ReachTheFuzzerAsAPredicate()
    {
        var spec = Read("""{"cases": ["*"], "exclude-agent-cases": {"Auto*": ["9.*"]}, "servers": [{"url": "ws://127.0.0.1:9001"}]}""");
        var exclude = spec.Servers[0].Options.ExcludeAfterHandshake!;
        Assert.True(exclude("AutobahnPython/0.10.9", Autobahn.Testsuite.Cases.CaseId.Parse("9.1.1")));
        Assert.False(exclude("AutobahnPython/0.10.9", Autobahn.Testsuite.Cases.CaseId.Parse("1.1.1")));
        Assert.Null(Read("""{"cases": ["*"], "servers": [{"url": "ws://127.0.0.1:9001"}]}""").Servers[0].Options.ExcludeAfterHandshake);
    }
}
