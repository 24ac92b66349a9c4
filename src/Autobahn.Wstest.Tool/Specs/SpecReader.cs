using System.Text.Json;
using System.Text.Json.Nodes;
using Autobahn.Wstest.Tool.Cli;

namespace Autobahn.Wstest.Tool.Specs;

/// <summary>Typed reads of spec keys; a key of the wrong type is a <see cref="UsageException"/> naming the key.</summary>
internal static class SpecReader
{
    /// <summary>A required list of strings, e.g. <c>"cases"</c>.</summary>
    public static IReadOnlyList<string> RequiredStrings(JsonObject spec, string key, string where = "") =>
        spec.ContainsKey(key) ? Strings(spec, key, where) : throw new UsageException($"spec: {where}\"{key}\" is required (e.g. \"{key}\": [\"*\"])");

    /// <summary>An optional list of strings; empty when absent or null.</summary>
    public static IReadOnlyList<string> Strings(JsonObject spec, string key, string where = "")
    {
        if (spec[key] is not { } node) return [];
        if (node is not JsonArray array) throw WrongType(key, where, "a list of strings");
        return [.. array.Select(item => item is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw WrongType(key, where, "a list of strings"))];
    }

    /// <summary>An optional string; null when absent or null.</summary>
    public static string? String(JsonObject spec, string key, string where = "")
    {
        if (spec[key] is not { } node) return null;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw WrongType(key, where, "a string");
    }

    /// <summary>An optional object; null when absent or null.</summary>
    public static JsonObject? Object(JsonObject spec, string key, string where = "")
    {
        if (spec[key] is not { } node) return null;
        return node as JsonObject ?? throw WrongType(key, where, "an object ({...})");
    }

    /// <summary>The error for a key of the wrong type.</summary>
    public static UsageException WrongType(string key, string where, string expected) => new($"spec: {where}\"{key}\" must be {expected}");
}
