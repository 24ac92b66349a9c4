using System.Text;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// What the fuzzer as a server answers instead of a 101, after which it closes the connection
/// (<c>dropConnection(abort=False)</c>). Normally autobahn's <c>failHandshake</c> / <c>sendHttpErrorResponse</c>
/// (<c>websocket/protocol.py</c>:3323-3342): the status line carries the failure text itself as its reason phrase,
/// <c>HTTP/1.1 400 HTTP Host header missing in opening handshake request</c>, then the extra headers, then an empty line
/// and no body. The one non-error refusal is the status page for a request without <c>Upgrade</c> (<see cref="StatusPage"/>).
/// </summary>
/// <param name="StatusCode">The HTTP status code (400, 405, 426, 500, 505; 200 for the status page).</param>
/// <param name="Reason">The reason phrase: autobahn's failure text (its <c>wasNotCleanReason</c>).</param>
internal sealed record HttpRefusal(int StatusCode, string Reason)
{
    /// <summary>The HTML page autobahn serves for a GET without <c>Upgrade</c>, with <c>webStatus=True</c> (<c>sendServerStatus</c>, protocol.py:3369-3412).</summary>
    internal const string StatusPageHtml = """

        <!DOCTYPE html>
        <html>
           <head>
              
              <style>
                 body {
                    color: #fff;
                    background-color: #027eae;
                    font-family: "Segoe UI", "Lucida Grande", "Helvetica Neue", Helvetica, Arial, sans-serif;
                    font-size: 16px;
                 }

                 a, a:visited, a:hover {
                    color: #fff;
                 }
              </style>
           </head>
           <body>
              <h1>AutobahnPython 0.10.9</h1>
              <p>
                 I am not Web server, but a <b>WebSocket Endpoint</b>.
              </p>
              <p>
                 You can talk to me using the <a href="http://tools.ietf.org/html/rfc6455">WebSocket</a> protocol.
              </p>
              <p>
                 For more information, please see:
                 <ul>
                    <li><a href="http://autobahn.ws/python">AutobahnPython</a></li>
                 </ul>
              </p>
           </body>
        </html>

        """;

    /// <summary>Extra response headers in order (autobahn adds <c>Sec-WebSocket-Version</c> to a version refusal).</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>The response body (only the status page has one).</summary>
    public string? Body { get; init; }

    /// <summary>
    /// Whether this is a failed handshake (autobahn sets <c>wasNotCleanReason</c> to <see cref="Reason"/>); false for the
    /// status page, which is a normal HTTP answer.
    /// </summary>
    public bool IsFailure => StatusCode >= 400;

    /// <summary>
    /// Not sent: why the front end refused, for its own log (e.g. "invalid test case tuple 9.9.9"); autobahn prints it
    /// only with debug on and sends the bare 500.
    /// </summary>
    public string? Diagnostic { get; init; }

    /// <summary>
    /// What autobahn answers when <c>onConnect</c> raises anything but an <c>HttpException</c> (every control-protocol
    /// error in <c>fuzzing.py</c>:1061-1142 is a plain <c>Exception</c>): the Twisted adapter's errback calls
    /// <c>failHandshake(http.INTERNAL_SERVER_ERROR[1], http.INTERNAL_SERVER_ERROR[0])</c> (<c>twisted/websocket.py</c>:195-209),
    /// so the response is <c>HTTP/1.1 500 Internal Server Error</c> and the exception text is not sent.
    /// </summary>
    public static HttpRefusal InternalServerError(string? diagnostic = null) => new(500, "Internal Server Error") { Diagnostic = diagnostic };

    /// <summary>
    /// autobahn's answer to a GET without an <c>Upgrade</c> header (<c>webStatus=True</c>, the fuzzingserver's default,
    /// protocol.py:2865-2900): <c>sendHtml</c>'s 200 with <c>Server</c>, <c>Content-Type</c> and <c>Content-Length</c>.
    /// The <c>redirect</c>/<c>after</c> query parameters of that page (a 303 or a meta refresh) are not supported.
    /// </summary>
    public static HttpRefusal StatusPage() => new(200, "OK")
    {
        Headers =
        [
            ("Server", HandshakeRequest.UserAgent),
            ("Content-Type", "text/html; charset=UTF-8"),
            ("Content-Length", Encoding.UTF8.GetByteCount(StatusPageHtml).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ],
        Body = StatusPageHtml,
    };

    /// <summary>The response head as text, for the report's <c>httpResponse</c>.</summary>
    public string ToResponseHead()
    {
        var response = new StringBuilder();
        response.Append("HTTP/1.1 ").Append(StatusCode).Append(' ').Append(Reason).Append("\r\n");
        foreach (var (name, value) in Headers) response.Append(name).Append(": ").Append(value).Append("\r\n");
        return response.Append("\r\n").ToString();
    }

    /// <summary>The octets autobahn sends (UTF-8, as <c>response.encode('utf8')</c>), body included.</summary>
    public byte[] ToResponseBytes() => Encoding.UTF8.GetBytes(ToResponseHead() + Body);
}
