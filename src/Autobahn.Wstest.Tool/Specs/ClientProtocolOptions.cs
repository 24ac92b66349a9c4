using System.Text.Json;
using System.Text.Json.Nodes;
using Autobahn.Testsuite;
using Autobahn.Wstest.Tool.Cli;

namespace Autobahn.Wstest.Tool.Specs;

/// <summary>
/// The fuzzingclient's protocol options: the spec's global <c>"options"</c>, then the server's own, merged in wstest's
/// order (<c>ATS fuzzing.py</c> <c>nextServer</c>: reset to autobahn's defaults, <c>failByDrop=False</c>, global
/// options, server options) and applied to <see cref="FuzzingOptions"/>. Every key autobahn-python 0.10.9's client
/// accepts (<c>setProtocolOptions</c>) is known; an unknown key is an error, as wstest's TypeError is. The timeouts
/// are honoured; a value equal to what this fuzzer does anyway is accepted silently; any other value is named in a
/// warning, never dropped silently.
/// </summary>
internal static class ClientProtocolOptions
{
    /// <summary>The timeouts this fuzzer honours, in seconds, as autobahn names them.</summary>
    private static readonly string[] Honoured = ["openHandshakeTimeout", "closeHandshakeTimeout", "serverConnectionDropTimeout"];

    /// <summary>Keys autobahn accepts whose values this fuzzer does not change, with the value that matches what it does.</summary>
    private static readonly Dictionary<string, string?> FixedValues = new(StringComparer.Ordinal)
    {
        ["version"] = "13|18",
        ["allowHixie76"] = "false",
        ["utf8validateIncoming"] = "true",
        ["acceptMaskedServerFrames"] = "false",
        ["maskClientFrames"] = "true",
        ["applyMask"] = "true",
        ["maxFramePayloadSize"] = "0",
        ["maxMessagePayloadSize"] = "0",
        ["autoFragmentSize"] = "0",
        ["failByDrop"] = "false",
        ["echoCloseCodeReason"] = "false",
        ["tcpNoDelay"] = "true",
        ["autoPingInterval"] = "0",
        ["autoPingTimeout"] = "0",
        ["autoPingSize"] = "4",
        ["perMessageCompressionOffers"] = null,
        ["perMessageCompressionAccept"] = null,
    };

    /// <summary>
    /// Merges <paramref name="global"/> and <paramref name="server"/> (later wins) and applies them to
    /// <paramref name="options"/>; adds a warning per value that is not honoured.
    /// </summary>
    /// <exception cref="UsageException">An unknown option, or a timeout that is not a positive number.</exception>
    public static FuzzingOptions Apply(FuzzingOptions options, JsonObject? global, JsonObject? server, string where, ICollection<string> warnings)
    {
        var merged = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var source in new[] { global, server })
        {
            foreach (var (key, value) in source ?? [])
            {
                if (!Honoured.Contains(key) && !FixedValues.ContainsKey(key))
                {
                    throw new UsageException($"spec: unknown option \"{key}\" in {where} (wstest fails with a TypeError; the client's options are {string.Join(", ", Honoured.Concat(FixedValues.Keys))})");
                }

                merged[key] = value;
            }
        }

        foreach (var (key, value) in merged)
        {
            switch (key)
            {
                case "openHandshakeTimeout": options = options with { OpenHandshakeTimeout = Seconds(key, value, where) }; break;
                case "closeHandshakeTimeout": options = options with { CloseHandshakeTimeout = Seconds(key, value, where) }; break;
                case "serverConnectionDropTimeout": options = options with { ServerConnectionDropTimeout = Seconds(key, value, where) }; break;
                default:
                    var ours = FixedValues[key];
                    var text = value?.ToJsonString() ?? "null";
                    if (ours is null || !ours.Split('|').Contains(text, StringComparer.Ordinal))
                    {
                        warnings.Add($"option \"{key}\": {text} in {where} is not honoured" + (ours is null ? string.Empty : $" (this fuzzer behaves as with {ours.Split('|')[0]})"));
                    }

                    break;
            }
        }

        return options;
    }

    private static TimeSpan Seconds(string key, JsonNode? value, string where)
    {
        if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.GetValue<double>() is var seconds && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        throw new UsageException($"spec: option \"{key}\" in {where} must be a positive number of seconds, not {value?.ToJsonString() ?? "null"}");
    }

}
