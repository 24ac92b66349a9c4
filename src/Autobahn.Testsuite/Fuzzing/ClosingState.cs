using System.Text;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The connection state and every closing-behaviour field of autobahn's protocol (protocol.py
/// <c>_connectionMade</c>: <c>closedByMe</c>, <c>failedByMe</c>, <c>droppedByMe</c>, <c>wasClean</c>, …) and what
/// each timeout does to them (<c>onOpenHandshakeTimeout</c>, <c>onCloseHandshakeTimeout</c>,
/// <c>onServerConnectionDropTimeout</c>).
/// </summary>
internal sealed class ClosingState
{
    public SessionState State { get; set; } = SessionState.Connecting;

    public bool IsClosed => State == SessionState.Closed;

    public bool ClosedByMe { get; set; }

    public bool FailedByMe { get; set; }

    public bool DroppedByMe { get; set; }

    public bool WasClean { get; set; }

    public string? WasNotCleanReason { get; set; }

    public bool WasServerConnectionDropTimeout { get; private set; }

    public bool WasOpenHandshakeTimeout { get; private set; }

    public bool WasCloseHandshakeTimeout { get; private set; }

    /// <summary>True when the fuzzer's own bound on the case ended it (<see cref="CaseBudgetExceeded"/>).</summary>
    public bool WasCaseBudgetExceeded { get; private set; }

    public int? LocalCloseCode { get; set; }

    public byte[]? LocalCloseReason { get; set; }

    public int? RemoteCloseCode { get; set; }

    public string? RemoteCloseReason { get; set; }

    /// <summary><c>onOpenHandshakeTimeout</c>: true when the timeout applies (still CONNECTING) and the connection is to be dropped.</summary>
    public bool OpenHandshakeTimedOut()
    {
        if (State != SessionState.Connecting) return false;
        WasClean = false;
        WasNotCleanReason = "peer did not finish (in time) the opening handshake";
        WasOpenHandshakeTimeout = true;
        return true;
    }

    /// <summary><c>onCloseHandshakeTimeout</c>: true when the connection is to be dropped.</summary>
    public bool CloseHandshakeTimedOut()
    {
        if (IsClosed) return false;
        WasClean = false;
        WasNotCleanReason = "peer did not respond (in time) in closing handshake";
        WasCloseHandshakeTimeout = true;
        return true;
    }

    /// <summary><c>onServerConnectionDropTimeout</c> (client role only): true when the connection is to be dropped.</summary>
    public bool ServerConnectionDropTimedOut()
    {
        if (IsClosed) return false;
        WasClean = false;
        WasNotCleanReason = "server did not drop TCP connection (in time)";
        WasServerConnectionDropTimeout = true;
        return true;
    }

    /// <summary>The fuzzer's own bound on a case (not in wstest, which would wait for ever): the connection is to be dropped.</summary>
    public void CaseBudgetExceeded(TimeSpan budget)
    {
        WasCaseBudgetExceeded = true;
        WasClean = false;
        WasNotCleanReason = $"the case did not end within {budget.TotalSeconds:0.###} s, so the fuzzer dropped the connection (wstest would wait for ever)";
    }

    /// <summary><c>_connectionLost</c>: the reason a connection that ended without a closing handshake gets.</summary>
    public void ConnectionLost()
    {
        State = SessionState.Closed;
        if (!WasClean && !DroppedByMe && WasNotCleanReason is null)
        {
            WasNotCleanReason = "peer dropped the TCP connection without previous WebSocket closing handshake";
        }
    }

    public ClosingBehavior Snapshot() => new()
    {
        ClosedByMe = ClosedByMe,
        FailedByMe = FailedByMe,
        DroppedByMe = DroppedByMe,
        WasClean = WasClean,
        WasNotCleanReason = WasNotCleanReason,
        WasServerConnectionDropTimeout = WasServerConnectionDropTimeout,
        WasOpenHandshakeTimeout = WasOpenHandshakeTimeout,
        WasCloseHandshakeTimeout = WasCloseHandshakeTimeout,
        LocalCloseCode = LocalCloseCode,
        LocalCloseReason = LocalCloseReason is null ? null : Encoding.UTF8.GetString(LocalCloseReason),
        RemoteCloseCode = RemoteCloseCode,
        RemoteCloseReason = RemoteCloseReason,
    };
}
