using Autobahn.Wstest.Tool.Specs;

namespace Autobahn.Wstest.Tool.Tests.Specs;

public class SpecTemplatesTests
{
    [Fact]
    public void FuzzingClient_IsWstestsTemplateCharacterForCharacter()
    {
        // ATS spectemplate.py SPEC_FUZZINGCLIENT, v0.8.2.
        const string expected = "\n{\n   \"outdir\": \"./reports/servers\",\n   \"servers\": [\n      {\n         \"url\": \"ws://127.0.0.1:9001\"\n      }\n   ],\n" +
                                "   \"cases\": [\"*\"],\n   \"exclude-cases\": [],\n   \"exclude-agent-cases\": {}\n}\n";
        Assert.Equal(expected, SpecTemplates.FuzzingClient);
    }

    [Fact]
    public void FuzzingServer_IsWstestsTemplateCharacterForCharacter()
    {
        // ATS spectemplate.py SPEC_FUZZINGSERVER, v0.8.2.
        const string expected = "\n{\n   \"url\": \"ws://127.0.0.1:9001\",\n   \"outdir\": \"./reports/clients\",\n   \"cases\": [\"*\"],\n" +
                                "   \"exclude-cases\": [],\n   \"exclude-agent-cases\": {}\n}\n";
        Assert.Equal(expected, SpecTemplates.FuzzingServer);
    }

    [Fact]
    public void Templates_AreValidSpecs()
    {
        var client = FuzzingClientSpec.Read(SpecFile.Parse(SpecTemplates.FuzzingClient, "template"), null, Autobahn.Testsuite.FuzzingOptions.Default);
        Assert.Equal(517, client.Cases.Count);
        Assert.Equal("./reports/servers", client.Outdir);
        Assert.Equal(new Uri("ws://127.0.0.1:9001"), Assert.Single(client.Servers).Url);
    }
}
