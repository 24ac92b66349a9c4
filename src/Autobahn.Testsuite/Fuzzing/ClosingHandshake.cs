using System.Text;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The closing handshake of autobahn's protocol (protocol.py <c>failConnection</c>, <c>sendCloseFrame</c>,
/// <c>sendClose</c>, <c>onCloseFrame</c>, the close-handshake and server-drop timeouts), with each role's rule for
/// who drops TCP (RFC 6455 §7.1.1; fuzzingserver-and-cli.md §A.5): a client waits for the server to drop it, for
/// serverConnectionDropTimeout; a server drops it itself at once.
/// </summary>
internal sealed class ClosingHandshake(FuzzerRole role, FuzzingOptions options, ClosingState closing, FrameSender sender, CoreTimers timers, Action<bool> drop)
{
    private int? closeHandshakeTimer;

    /// <summary>autobahn <c>failConnection</c>: close 1001 "Going Away" (or the given code) while OPEN, drop while CLOSING.</summary>
    public void FailConnection(int code = CloseCodes.GoingAway, string reason = "Going Away")
    {
        if (closing.IsClosed) return;
        closing.FailedByMe = true;
        if (closing.State != SessionState.Closing)
        {
            var reasonBytes = Encoding.UTF8.GetBytes(reason);
            SendCloseFrame(code, reasonBytes.AsSpan(0, Math.Min(reasonBytes.Length, 123)).ToArray(), isReply: false);
        }
        else
        {
            // A second failure during the closing handshake: drop TCP.
            drop(false);
        }
    }

    /// <summary>autobahn <c>sendCloseFrame</c>: only while OPEN; the one who sends first waits closeHandshakeTimeout for the reply.</summary>
    public void SendCloseFrame(int? code, byte[]? reason, bool isReply)
    {
        if (closing.State != SessionState.Open) return;
        sender.SendFrame(Opcodes.Close, ClosePayload.Build(code, reason ?? []));
        closing.State = SessionState.Closing;
        closing.ClosedByMe = !isReply;
        closing.LocalCloseCode = code;
        closing.LocalCloseReason = reason;
        if (closing.ClosedByMe) closeHandshakeTimer = timers.Arm(options.Scale(options.CloseHandshakeTimeout), OnCloseHandshakeTimeout);
    }

    /// <summary>autobahn <c>sendClose</c>: the public API accepts only 1000 and 3000–4999, and cuts long reasons.</summary>
    public void SendClose(int? code, string? reason)
    {
        if (code is { } c && !CloseCodes.IsAllowedForSendClose(c)) throw new InvalidOperationException($"invalid close code {c}");
        byte[]? reasonBytes = null;
        if (reason is not null)
        {
            reasonBytes = Encoding.UTF8.GetBytes(reason);
            if (reasonBytes.Length + 2 > 125) reasonBytes = [.. reasonBytes.AsSpan(0, 120), .. "..."u8];
        }

        SendCloseFrame(code, reasonBytes, isReply: false);
    }

    /// <summary>autobahn <c>onCloseFrame</c>: validate the peer's close, then answer it or take it as the reply to ours.</summary>
    public void OnCloseFrame(int? code, byte[]? reasonRaw)
    {
        closing.RemoteCloseCode = code;
        if (code is { } c && !CloseCodes.IsValidReceived(c))
        {
            FailConnection(CloseCodes.ProtocolError, FrameRules.InvalidCloseCode(c));
            if (closing.IsClosed) return;
        }

        if (reasonRaw is null)
        {
            closing.RemoteCloseReason = null;
        }
        else
        {
            if (!Utf8Validator.IsValid(reasonRaw))
            {
                FailConnection(CloseCodes.InvalidPayload, FrameRules.InvalidCloseReason);
                if (closing.IsClosed) return;
            }

            closing.RemoteCloseReason = Encoding.UTF8.GetString(reasonRaw);
        }

        if (closing.State == SessionState.Closing)
        {
            // The reply to our close.
            timers.Cancel(ref closeHandshakeTimer);
            closing.WasClean = true;
            if (role == FuzzerRole.Server) drop(true);
            else timers.Arm(options.Scale(options.ServerConnectionDropTimeout), OnServerConnectionDropTimeout);
        }
        else if (closing.State == SessionState.Open)
        {
            // The peer started the close: reply 1000 without a reason (echoCloseCodeReason=False).
            closing.WasClean = true;
            SendCloseFrame(CloseCodes.Normal, null, isReply: true);
            if (role == FuzzerRole.Server) drop(false);
        }
    }

    private void OnCloseHandshakeTimeout()
    {
        closeHandshakeTimer = null;
        if (closing.CloseHandshakeTimedOut()) drop(true);
    }

    private void OnServerConnectionDropTimeout()
    {
        if (closing.ServerConnectionDropTimedOut()) drop(true);
    }
}
