using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>The peer as ws's server: its side of the opening handshake (<c>lib/websocket-server.js</c>).</summary>
internal sealed partial class ScriptedEchoPeer
{
    // ---- opening handshake (RFC 6455 §4.2) ---------------------------------------------------------

    private void ReadHandshake()
    {
        var end = input.Span.IndexOf(EndOfHead);
        if (end < 0)
        {
            if (input.Length > MaxRequestHead) Refuse(431, "Request Header Fields Too Large", "");
            return;
        }

        var request = PeerUpgradeRequest.Parse(input.Span[..end]);
        input.Consume(end + EndOfHead.Length);
        if (request is null)
        {
            Refuse(400, "Bad Request", "");
            return;
        }

        // websocket-server.js handleUpgrade, in its order.
        var key = request["sec-websocket-key"];
        var version = request["sec-websocket-version"];
        if (request.Method != "GET")
        {
            Refuse(405, "Method Not Allowed", "Invalid HTTP method");
        }
        else if (!string.Equals(request["upgrade"], "websocket", StringComparison.OrdinalIgnoreCase))
        {
            Refuse(400, "Bad Request", "Invalid Upgrade header");
        }
        else if (key is null || !KeyPattern().IsMatch(key))
        {
            Refuse(400, "Bad Request", "Missing or invalid Sec-WebSocket-Key header");
        }
        else if (version is not ("13" or "8"))
        {
            Refuse(400, "Bad Request", "Missing or invalid Sec-WebSocket-Version header");
        }
        else if (!TryAgreeDeflate(request["sec-websocket-extensions"], out var answer))
        {
            Refuse(400, "Bad Request", "Invalid or unacceptable Sec-WebSocket-Extensions header");
        }
        else
        {
            // completeUpgrade: these four lines, then the extension if one was agreed.
            var response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + $"Sec-WebSocket-Accept: {AcceptKey(key)}\r\n"
                + (answer is null ? "" : $"Sec-WebSocket-Extensions: {answer}\r\n")
                + "\r\n";
            output.Write(Encoding.ASCII.GetBytes(response));
            phase = PeerPhase.Open;
        }
    }

    /// <summary>RFC 6455 §4.2.2 item 5.4: base64(SHA-1(key + GUID)).</summary>
    internal static string AcceptKey(string key) => Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + WebSocketGuid)));

    private bool TryAgreeDeflate(string? header, out string? answer)
    {
        answer = null;
        if (!acceptPermessageDeflate || header is null) return true;
        if (!DeflateAgreement.TryAccept(header, out deflate, out answer)) return false;
        if (deflate is not null) StartDeflate();

        return true;
    }

    // websocket-server.js abortHandshake: a short HTML-less answer, then the socket is destroyed.
    private void Refuse(int status, string reasonPhrase, string body)
    {
        output.Write(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status} {reasonPhrase}\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Length: {body.Length}\r\n\r\n{body}"));
        Close();
    }

    // ws's keyRegex: 16 octets in base64.
    [GeneratedRegex("^[+/0-9A-Za-z]{22}==$")]
    private static partial Regex KeyPattern();
}
