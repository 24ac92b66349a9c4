using System.Security.Cryptography;
using System.Text;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests.Fuzzing;

/// <summary>
/// <see cref="UpgradeRequest.Parse"/> against autobahn-python 0.10.9's server-side <c>processHandshake</c>: each refusal
/// with the status line autobahn's <c>failHandshake</c> / <c>sendHttpErrorResponse</c> writes, byte for byte.
/// </summary>
public sealed class UpgradeRequestTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";

    [Fact]
    public void Parse_RunCaseRequest_GivesPathQueryKeyHostAndExtensions()
    {
        var head = Request(extra: "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n");

        var request = Accepted(head);

        Assert.Equal(head, request.Head);
        Assert.Equal("/runCase", request.Path);
        Assert.Equal("case=1&agent=ws", request.Query);
        Assert.Equal(Key, request.Key);
        Assert.Equal("127.0.0.1", request.Host);
        Assert.Equal(13, request.Version);
        Assert.Empty(request.Protocols);
        Assert.Equal("permessage-deflate; client_max_window_bits", request.ExtensionsHeader);
    }

    [Theory]
    [InlineData("/getCaseCount", "/getCaseCount", "")]
    [InlineData("/", "/", "")]
    [InlineData("/runCase?", "/runCase", "")]
    [InlineData("/runCase?casetuple=1.1.1&agent=a%20b", "/runCase", "casetuple=1.1.1&agent=a%20b")]
    [InlineData("/updateReports;x=1?agent=ws", "/updateReports", "agent=ws")]
    [InlineData("http://127.0.0.1:9001/runCase?case=2", "/runCase", "case=2")]
    public void Parse_RequestUri_SplitsAsUrlparse(string uri, string path, string query)
    {
        var request = Accepted(Request(uri: uri));

        Assert.Equal(path, request.Path);
        Assert.Equal(query, request.Query);
    }

    [Fact]
    public void Parse_NoQuery_QueryIsEmpty() => Assert.Equal("", Accepted(Request(uri: "/runCase")).Query);

    [Theory]
    [InlineData("Sec-WebSocket-Version: 8\r\n", 8)]
    [InlineData("Sec-WebSocket-Version: 13\r\n", 13)]
    public void Parse_Version8Or13_Accepted(string versionLine, int version) =>
        Assert.Equal(version, Accepted(Request(version: versionLine)).Version);

    [Theory]
    [InlineData("Host: example.org\r\n", "example.org")]
    [InlineData("Host: example.org:1\r\n", "example.org")]
    [InlineData("Host: [::1]\r\n", "[::1]")]
    [InlineData("Host: [::1]:9001\r\n", "[::1]")]
    public void Parse_RelaxedHostRule_AcceptsAnyPort(string hostLine, string host) =>
        Assert.Equal(host, Accepted(Request(host: hostLine)).Host);

    [Fact]
    public void Parse_RequiredPortMatches_Accepted() =>
        Assert.Equal("localhost", Accepted(Request(host: "Host: localhost:9001\r\n"), requiredHostPort: 9001).Host);

    [Fact]
    public void Parse_RequiredPort80WithoutPort_Accepted() =>
        Assert.Equal("localhost", Accepted(Request(host: "Host: localhost\r\n"), requiredHostPort: 80).Host);

    public static TheoryData<string, int?, string> Refusals() => new()
    {
        { "GET /runCase HTTP/1.1 extra\r\nHost: h\r\n\r\n", null, "HTTP/1.1 400 Bad HTTP request status line 'GET /runCase HTTP/1.1 extra'\r\n\r\n" },
        { Request().Replace("GET ", "POST "), null, "HTTP/1.1 405 HTTP method 'POST' not allowed\r\n\r\n" },
        { Request().Replace("HTTP/1.1\r\n", "HTTP/1.0\r\n"), null, "HTTP/1.1 505 Unsupported HTTP version 'HTTP/1.0'\r\n\r\n" },
        { Request(uri: "/runCase#frag"), null, "HTTP/1.1 400 HTTP requested resource contains a fragment identifier 'frag'\r\n\r\n" },
        { Request(host: ""), null, "HTTP/1.1 400 HTTP Host header missing in opening handshake request\r\n\r\n" },
        { Request(host: "Host: a:9001\r\nHost: b:9001\r\n"), null, "HTTP/1.1 400 HTTP Host header appears more than once in opening handshake request\r\n\r\n" },
        { Request(host: "Host: a:x1\r\n"), null, "HTTP/1.1 400 invalid port 'x1' in HTTP Host header 'a:x1'\r\n\r\n" },
        { Request(host: "Host: localhost:32768\r\n"), 9001, "HTTP/1.1 400 port 32768 in HTTP Host header 'localhost:32768' does not match server listening port 9001\r\n\r\n" },
        { Request(host: "Host: localhost\r\n"), 9001, "HTTP/1.1 400 missing port in HTTP Host header 'localhost' and server runs on non-standard port 9001 (wss = False)\r\n\r\n" },
        { Request(upgrade: "Upgrade: h2c\r\n"), null, "HTTP/1.1 400 HTTP Upgrade headers do not include 'websocket' value (case-insensitive) : h2c\r\n\r\n" },
        { Request(connection: ""), null, "HTTP/1.1 400 HTTP Connection header missing\r\n\r\n" },
        { Request(connection: "Connection: keep-alive\r\n"), null, "HTTP/1.1 400 HTTP Connection headers do not include 'upgrade' value (case-insensitive) : keep-alive\r\n\r\n" },
        { Request(version: ""), null, "HTTP/1.1 400 WebSocket connection denied - Hixie76 protocol mode disabled.\r\n\r\n" },
        { Request(version: "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Version: 13\r\n"), null, "HTTP/1.1 400 HTTP Sec-WebSocket-Version header appears more than once in opening handshake request\r\n\r\n" },
        { Request(version: "Sec-WebSocket-Version: thirteen\r\n"), null, "HTTP/1.1 400 could not parse HTTP Sec-WebSocket-Version header 'thirteen' in opening handshake request\r\n\r\n" },
        { Request(version: "Sec-WebSocket-Version: 7\r\n"), null, "HTTP/1.1 400 WebSocket version 7 not supported (supported versions: 13,8,0)\r\nSec-WebSocket-Version: 13,8,0\r\n\r\n" },
        { Request(extra: "Sec-WebSocket-Protocol: chat, superchat, chat\r\n"), null, "HTTP/1.1 400 duplicate protocol 'chat' specified in HTTP Sec-WebSocket-Protocol header\r\n\r\n" },
        { Request(extra: "Origin: http://a\r\nOrigin: http://b\r\n"), null, "HTTP/1.1 400 HTTP Origin header appears more than once in opening handshake request\r\n\r\n" },
        { Request(key: ""), null, "HTTP/1.1 400 HTTP Sec-WebSocket-Key header missing\r\n\r\n" },
        { Request(key: $"Sec-WebSocket-Key: {Key}\r\nSec-WebSocket-Key: {Key}\r\n"), null, "HTTP/1.1 400 HTTP Sec-WebSocket-Key header appears more than once in opening handshake request\r\n\r\n" },
        { Request(key: "Sec-WebSocket-Key: abc==\r\n"), null, "HTTP/1.1 400 bad Sec-WebSocket-Key (length must be 24 ASCII chars) 'abc=='\r\n\r\n" },
        { Request(key: "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=A\r\n"), null, "HTTP/1.1 400 bad Sec-WebSocket-Key (invalid base64 encoding) 'dGhlIHNhbXBsZSBub25jZQ=A'\r\n\r\n" },
        { Request(key: "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25j-Q==\r\n"), null, "HTTP/1.1 400 bad character '-' in Sec-WebSocket-Key (invalid base64 encoding) 'dGhlIHNhbXBsZSBub25j-Q=='\r\n\r\n" },
        {
            Request(extra: "Sec-WebSocket-Extensions: permessage-deflate\r\nSec-WebSocket-Extensions: x-webkit-deflate-frame\r\n"), null,
            "HTTP/1.1 400 HTTP Sec-WebSocket-Extensions header appears more than once in opening handshake request\r\n\r\n"
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Parse_InvalidRequest_RefusesWithAutobahnsStatusLine(string head, int? requiredHostPort, string response)
    {
        var result = UpgradeRequest.Parse(head, requiredHostPort);

        Assert.Null(result.Request);
        Assert.Equal(Encoding.UTF8.GetBytes(response), result.Refusal!.ToResponseBytes());
        Assert.True(result.Refusal.IsFailure);
    }

    [Fact]
    public void Parse_PortMismatchOverTls_SaysWss()
    {
        var refusal = UpgradeRequest.Parse(Request(host: "Host: localhost\r\n"), 9001, secure: true).Refusal!;

        Assert.Equal("missing port in HTTP Host header 'localhost' and server runs on non-standard port 9001 (wss = True)", refusal.Reason);
        Assert.Null(UpgradeRequest.Parse(Request(host: "Host: localhost\r\n"), 443, secure: true).Refusal);
    }

    /// <summary>The port check comes before the Upgrade check, the Upgrade check before every WebSocket header.</summary>
    [Fact]
    public void Parse_SeveralFaults_ReportsTheFirstInAutobahnsOrder()
    {
        var head = Request(upgrade: "Upgrade: h2c\r\n", version: "", key: "");

        Assert.StartsWith("HTTP Upgrade headers", UpgradeRequest.Parse(head, null).Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoUpgradeHeader_ServesAutobahnsStatusPage()
    {
        var refusal = UpgradeRequest.Parse("GET / HTTP/1.1\r\nHost: 127.0.0.1:9001\r\n\r\n", requiredHostPort: null).Refusal!;

        Assert.False(refusal.IsFailure);
        var bytes = refusal.ToResponseBytes();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith(
            "HTTP/1.1 200 OK\r\nServer: AutobahnTestSuite/0.8.2-0.10.9\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: 820\r\n\r\n\n<!DOCTYPE html>\n",
            text,
            StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", text, StringComparison.Ordinal);

        // sendServerStatus's page with redirect "" and __version__ 0.10.9, byte for byte (820 octets).
        Assert.Equal(820, Encoding.UTF8.GetByteCount(HttpRefusal.StatusPageHtml));
        Assert.Equal("2ea42a97d8fc4884e279937767893a156fdf45f5", Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(HttpRefusal.StatusPageHtml))));
        Assert.Contains("      \n      <style>", HttpRefusal.StatusPageHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void InternalServerError_IsAutobahnsBare500()
    {
        var refusal = HttpRefusal.InternalServerError("invalid test case tuple 9.9.9");

        Assert.Equal("HTTP/1.1 500 Internal Server Error\r\n\r\n"u8.ToArray(), refusal.ToResponseBytes());
        Assert.Equal("invalid test case tuple 9.9.9", refusal.Diagnostic);
    }

    private static UpgradeRequest Accepted(string head, int? requiredHostPort = null)
    {
        var result = UpgradeRequest.Parse(head, requiredHostPort);
        Assert.Null(result.Refusal);
        return result.Request!;
    }

    private static string Request(
        string uri = "/runCase?case=1&agent=ws",
        string host = "Host: 127.0.0.1:9001\r\n",
        string upgrade = "Upgrade: websocket\r\n",
        string connection = "Connection: Upgrade\r\n",
        string version = "Sec-WebSocket-Version: 13\r\n",
        string key = $"Sec-WebSocket-Key: {Key}\r\n",
        string extra = "") =>
        $"GET {uri} HTTP/1.1\r\n{host}{upgrade}{connection}{key}{version}{extra}\r\n";
}
