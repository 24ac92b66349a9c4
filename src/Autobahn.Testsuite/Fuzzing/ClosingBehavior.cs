namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The closing-behaviour fields of a case (wstest's "Closing Behavior" table; autobahn-python
/// <c>websocket/protocol.py</c> <c>_connectionMade</c>).
/// </summary>
public sealed record ClosingBehavior
{
    /// <summary>True iff the fuzzer sent the first close frame.</summary>
    public bool ClosedByMe { get; init; }

    /// <summary>True iff the fuzzer failed the connection (killAfter, or a violation by the server).</summary>
    public bool FailedByMe { get; init; }

    /// <summary>True iff the fuzzer closed the TCP connection itself.</summary>
    public bool DroppedByMe { get; init; }

    /// <summary>True once close frames went both ways (and no timeout reset it).</summary>
    public bool WasClean { get; init; }

    /// <summary>Why the close was not clean, in autobahn's words.</summary>
    public string? WasNotCleanReason { get; init; }

    /// <summary>The server did not drop TCP within the server-drop timeout.</summary>
    public bool WasServerConnectionDropTimeout { get; init; }

    /// <summary>The opening handshake did not complete in time.</summary>
    public bool WasOpenHandshakeTimeout { get; init; }

    /// <summary>The server did not answer our close frame in time.</summary>
    public bool WasCloseHandshakeTimeout { get; init; }

    /// <summary>The close code we sent.</summary>
    public int? LocalCloseCode { get; init; }

    /// <summary>The close reason we sent, as text.</summary>
    public string? LocalCloseReason { get; init; }

    /// <summary>The close code the server sent.</summary>
    public int? RemoteCloseCode { get; init; }

    /// <summary>The close reason the server sent (decoded as UTF-8).</summary>
    public string? RemoteCloseReason { get; init; }
}
