using System.Globalization;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// The permessage-deflate parameters (RFC 7692 §7.1) node ws 8.18.3 agrees to as a server created with
/// <c>perMessageDeflate: true</c>, i.e. with no options of its own (<c>permessage-deflate.js</c>
/// <c>normalizeParams</c> and <c>acceptAsServer</c>): every offer must be well-formed, the first one is accepted as
/// it is, and a value-less <c>client_max_window_bits</c> is dropped from the answer.
/// </summary>
/// <param name="ClientNoContextTakeover">The fuzzer resets its context per message: the peer inflates each message afresh.</param>
/// <param name="ClientMaxWindowBits">The window the fuzzer compresses with, 0 when the answer names none (15).</param>
/// <param name="ServerNoContextTakeover">The peer compresses each message from an empty window.</param>
/// <param name="ServerMaxWindowBits">The window the peer compresses with, 0 when the offer names none (15).</param>
internal sealed record DeflateAgreement(bool ClientNoContextTakeover, int ClientMaxWindowBits, bool ServerNoContextTakeover, int ServerMaxWindowBits)
{
    private const string ExtensionName = "permessage-deflate";

    /// <summary>ws's default <c>threshold</c>: without context takeover, shorter messages are sent uncompressed.</summary>
    public const int CompressionThreshold = 1024;

    /// <summary>The window the peer's compressor uses (zlib's default 15 when none was agreed).</summary>
    public int ServerWindowBits => ServerMaxWindowBits == 0 ? 15 : ServerMaxWindowBits;

    /// <summary>
    /// Decides on a <c>Sec-WebSocket-Extensions</c> request header. Returns false when ws would refuse the handshake
    /// (400: a malformed permessage-deflate offer); otherwise <paramref name="agreement"/> is null when nothing was
    /// offered, else the accepted parameters, and <paramref name="answer"/> the response header value.
    /// </summary>
    public static bool TryAccept(string header, out DeflateAgreement? agreement, out string? answer)
    {
        agreement = null;
        answer = null;
        var offers = new List<List<(string Name, string? Value)>>();
        foreach (var element in header.Split(','))
        {
            var parts = element.Split(';').Select(p => p.Trim()).ToArray();
            if (parts[0].Length == 0) return false;
            if (parts[0] != ExtensionName) continue;
            var parameters = new List<(string, string?)>();
            foreach (var part in parts.Skip(1))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                parameters.Add(equals < 0 ? (part, null) : (part[..equals].Trim(), part[(equals + 1)..].Trim().Trim('"')));
            }

            offers.Add(parameters);
        }

        // normalizeParams runs over every offer before one is chosen: any bad one fails the whole header.
        var normalized = new List<(DeflateAgreement Agreement, string Answer)>();
        foreach (var offer in offers)
        {
            if (!TryNormalize(offer, out var accepted, out var text)) return false;
            normalized.Add((accepted, text));
        }

        if (normalized.Count > 0) (agreement, answer) = normalized[0];
        return true;
    }

    private static bool TryNormalize(List<(string Name, string? Value)> offer, out DeflateAgreement agreement, out string answer)
    {
        agreement = new DeflateAgreement(false, 0, false, 0);
        answer = ExtensionName;
        if (offer.GroupBy(p => p.Name).Any(g => g.Count() > 1)) return false;
        foreach (var (name, value) in offer)
        {
            switch (name)
            {
                case "client_max_window_bits" when value is null:
                    // acceptAsServer deletes a value-less client_max_window_bits: the fuzzer keeps its 15-bit window.
                    break;
                case "client_max_window_bits" when TryWindowBits(value, out var bits):
                    agreement = agreement with { ClientMaxWindowBits = bits };
                    answer += "; client_max_window_bits=" + bits.ToString(CultureInfo.InvariantCulture);
                    break;
                case "server_max_window_bits" when TryWindowBits(value, out var bits):
                    agreement = agreement with { ServerMaxWindowBits = bits };
                    answer += "; server_max_window_bits=" + bits.ToString(CultureInfo.InvariantCulture);
                    break;
                case "client_no_context_takeover" when value is null:
                    agreement = agreement with { ClientNoContextTakeover = true };
                    answer += "; client_no_context_takeover";
                    break;
                case "server_no_context_takeover" when value is null:
                    agreement = agreement with { ServerNoContextTakeover = true };
                    answer += "; server_no_context_takeover";
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool TryWindowBits(string? value, out int bits)
    {
        bits = 0;
        return value is not null
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out bits)
            && bits is >= 8 and <= 15;
    }
}
