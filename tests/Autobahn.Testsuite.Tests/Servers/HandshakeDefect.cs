namespace Autobahn.Testsuite.Tests.Servers;

/// <summary>How a <see cref="MutantServer"/> spoils the opening handshake (RFC 6455 §4.2.2).</summary>
internal enum HandshakeDefect
{
    /// <summary>A correct <c>101 Switching Protocols</c> answer.</summary>
    None,

    /// <summary>Answers <c>HTTP/1.1 404 Not Found</c> and closes the connection.</summary>
    NotFound,

    /// <summary>Answers 101 with a <c>Sec-WebSocket-Accept</c> value that does not match the key.</summary>
    WrongAccept,

    /// <summary>Accepts the TCP connection, reads the request and never answers.</summary>
    NeverAnswers,

    /// <summary>Reads the request and closes the connection without answering.</summary>
    ClosesConnection,

    /// <summary>Answers with a line that is not an HTTP status line.</summary>
    Garbage,
}
