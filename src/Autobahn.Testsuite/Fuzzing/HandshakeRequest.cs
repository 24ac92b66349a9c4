using System.Security.Cryptography;
using System.Text;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The opening handshake wstest sends, byte for byte (autobahn-python <c>websocket/protocol.py</c> <c>startHandshake</c>;
/// user agent from <c>fuzzing.py</c>): header order, <c>Upgrade: WebSocket</c>, the port always in <c>Host</c>, and
/// the spec's <c>origin</c> and <c>protocols</c> (<c>fuzzing.py</c> <c>nextServer</c> → <c>setSessionParameters</c>)
/// between <c>Sec-WebSocket-Key</c> and <c>Sec-WebSocket-Extensions</c>.
/// </summary>
internal static class HandshakeRequest
{
    /// <summary>wstest's user agent, "AutobahnTestSuite/&lt;testsuite&gt;-&lt;autobahn&gt;".</summary>
    public const string UserAgent = "AutobahnTestSuite/0.8.2-0.10.9";

    private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>
    /// The request head. <paramref name="origin"/> is sent as <c>Origin</c> when not null or empty (autobahn's
    /// <c>if self.factory.origin</c>; always <c>Origin</c>, never the draft's <c>Sec-WebSocket-Origin</c>, because this
    /// fuzzer speaks only spec version 18, where autobahn picks <c>Origin</c> for <c>version &gt; 10</c>);
    /// <paramref name="protocols"/> as one <c>Sec-WebSocket-Protocol</c> joined with "," and no space, when not empty.
    /// </summary>
    public static string Build(Uri url, string key, IReadOnlyList<string>? extensionOffers = null, string? origin = null, IReadOnlyList<string>? protocols = null)
    {
        var resource = string.IsNullOrEmpty(url.AbsolutePath) ? "/" : url.AbsolutePath;
        if (url.Query.Length > 1) resource += url.Query;
        var request = new StringBuilder();
        request.Append("GET ").Append(resource).Append(" HTTP/1.1\r\n");
        request.Append("User-Agent: ").Append(UserAgent).Append("\r\n");
        request.Append("Host: ").Append(url.Host).Append(':').Append(url.Port).Append("\r\n");
        request.Append("Upgrade: WebSocket\r\n");
        request.Append("Connection: Upgrade\r\n");
        request.Append("Pragma: no-cache\r\n");
        request.Append("Cache-Control: no-cache\r\n");
        request.Append("Sec-WebSocket-Key: ").Append(key).Append("\r\n");
        if (!string.IsNullOrEmpty(origin)) request.Append("Origin: ").Append(origin).Append("\r\n");
        if (protocols is { Count: > 0 }) request.Append("Sec-WebSocket-Protocol: ").Append(string.Join(',', protocols)).Append("\r\n");
        if (extensionOffers is { Count: > 0 })
        {
            request.Append("Sec-WebSocket-Extensions: ").Append(string.Join(", ", extensionOffers)).Append("\r\n");
        }

        request.Append("Sec-WebSocket-Version: 13\r\n");
        request.Append("\r\n");
        return request.ToString();
    }

    /// <summary>RFC 6455 §4.2.2: base64(SHA-1(key + GUID)).</summary>
    public static string ExpectedAccept(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + WebSocketGuid)));
}
