namespace Autobahn.Testsuite.Fuzzing;

/// <summary>The connection states of autobahn's <c>WebSocketProtocol</c> (<c>STATE_CONNECTING</c> … <c>STATE_CLOSED</c>).</summary>
internal enum SessionState
{
    Connecting,
    Open,
    Closing,
    Closed,
}
