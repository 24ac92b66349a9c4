namespace Autobahn.Wstest.Tool.Specs;

/// <summary>
/// wstest's auto-generated spec files (<c>ATS spectemplate.py</c> <c>SPEC_FUZZINGCLIENT</c> / <c>SPEC_FUZZINGSERVER</c>),
/// character for character: a leading and a trailing newline, three-space indents, <c>\n</c> line ends.
/// </summary>
internal static class SpecTemplates
{
    /// <summary>The text wstest writes to <c>./fuzzingclient.json</c> when it is missing.</summary>
    public const string FuzzingClient =
        "\n" +
        "{\n" +
        "   \"outdir\": \"./reports/servers\",\n" +
        "   \"servers\": [\n" +
        "      {\n" +
        "         \"url\": \"ws://127.0.0.1:9001\"\n" +
        "      }\n" +
        "   ],\n" +
        "   \"cases\": [\"*\"],\n" +
        "   \"exclude-cases\": [],\n" +
        "   \"exclude-agent-cases\": {}\n" +
        "}\n";

    /// <summary>The text wstest writes to <c>./fuzzingserver.json</c> when it is missing.</summary>
    public const string FuzzingServer =
        "\n" +
        "{\n" +
        "   \"url\": \"ws://127.0.0.1:9001\",\n" +
        "   \"outdir\": \"./reports/clients\",\n" +
        "   \"cases\": [\"*\"],\n" +
        "   \"exclude-cases\": [],\n" +
        "   \"exclude-agent-cases\": {}\n" +
        "}\n";

    /// <summary>The template of <paramref name="mode"/> (<c>fuzzingclient</c> or <c>fuzzingserver</c>).</summary>
    public static string For(string mode) => mode switch
    {
        "fuzzingclient" => FuzzingClient,
        "fuzzingserver" => FuzzingServer,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "only the fuzzing modes have a spec template here"),
    };
}
