namespace Autobahn.Testsuite.Fuzzing;

/// <summary>Why a case never opened, worded for the fuzzer's role (<see cref="CaseTranscript.ConnectionFailure"/>).</summary>
internal static class ConnectionFailureText
{
    /// <summary>The transport could not be opened (client role), or the client never connected (server role).</summary>
    public static string NotConnected(FuzzerRole role, Uri url, string failure) =>
        role == FuzzerRole.Client ? $"Could not connect to {url}: {failure}." : $"The client never opened the case: {failure}.";

    /// <summary>The opening handshake was refused: by the server under test (client role), or by the fuzzer (server role).</summary>
    public static string HandshakeFailed(FuzzerRole role, Uri url, string failure) =>
        role == FuzzerRole.Client
            ? $"The WebSocket opening handshake with {url} failed: {failure}."
            : $"The fuzzer refused the client's opening handshake: {failure}.";

    /// <summary>The connection ended before the opening handshake completed.</summary>
    public static string HandshakeUnfinished(FuzzerRole role, Uri url, bool timedOut, TimeSpan timeout) =>
        timedOut
            ? $"The {Peer(role)} at {url} did not complete the WebSocket opening handshake within {timeout.TotalSeconds:0.###} s."
            : $"The {Peer(role)} at {url} closed the connection during the WebSocket opening handshake.";

    /// <summary>The peer under test: the server when the fuzzer is the client, and the other way round.</summary>
    public static string Peer(FuzzerRole role) => role == FuzzerRole.Client ? "server" : "client";
}
