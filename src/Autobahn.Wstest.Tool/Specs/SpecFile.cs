using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autobahn.Wstest.Tool.Cli;

namespace Autobahn.Wstest.Tool.Specs;

/// <summary>
/// Finds and loads a spec file as wstest's <c>run()</c> does (<c>ATS wstest.py</c>): without <c>-s</c>, the implicit
/// <c>./&lt;mode&gt;.json</c>, written from wstest's template when missing; then <c>json.loads</c> of the file.
/// </summary>
internal static class SpecFile
{
    /// <summary>
    /// Loads the spec of <paramref name="mode"/> from <paramref name="path"/> (null: the implicit file), printing
    /// wstest's lines about it to <paramref name="output"/>. Returns the JSON object.
    /// </summary>
    /// <exception cref="UsageException">The file is missing or is not a JSON object.</exception>
    public static JsonObject Load(string mode, string? path, TextWriter output)
    {
        if (path is null)
        {
            path = mode + ".json";
            if (!File.Exists(path))
            {
                output.WriteLine($"Auto-generating spec file '{path}'");
                File.WriteAllText(path, SpecTemplates.For(mode), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            else
            {
                output.WriteLine($"Using implicit spec file '{path}'");
            }
        }
        else
        {
            output.WriteLine($"Using explicit spec file '{path}'");
        }

        var fullPath = Path.GetFullPath(path);
        output.WriteLine($"Loading spec from {fullPath}");
        if (!File.Exists(fullPath)) throw new UsageException($"spec file '{fullPath}' not found");
        return Parse(File.ReadAllText(fullPath), fullPath);
    }

    /// <summary>Parses spec text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="UsageException">The text is not a JSON object.</exception>
    public static JsonObject Parse(string text, string source)
    {
        try
        {
            var spec = JsonNode.Parse(text) as JsonObject ?? throw new UsageException($"spec file '{source}' must hold a JSON object ({{ ... }})");
            _ = spec.Count; // a JsonObject checks for duplicate keys when first used
            return spec;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new UsageException($"spec file '{source}' is not valid JSON: {e.Message}", e);
        }
    }
}
