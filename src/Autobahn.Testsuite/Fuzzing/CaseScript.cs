using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing.Echo;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// Plays a case's steps (the catalog's <see cref="CaseStep"/>s: what wstest's <c>case*.py</c> files do in
/// <c>onOpen</c> and their timer callbacks) on the core: frames and messages through the sender, timers through the
/// core's timer requests, and the wire log's timer rows (<c>fuzzing.py</c> continueLater/killAfter/closeAfter).
/// </summary>
internal sealed class CaseScript(
    CaseCore core,
    FuzzingOptions options,
    CoreTimers timers,
    FrameSender sender,
    ClosingHandshake closing,
    WireRecorder recorder,
    EchoJudge? judge)
{
    private const double CaseBudgetMarginSeconds = 5;

    /// <summary>
    /// The longest a case may take: every timer it can arm, chained, plus the protocol timeouts and a margin.
    /// wstest has no such bound and waits forever where no timer is left (semantics.md §14.12); we end the case instead.
    /// </summary>
    public static TimeSpan CaseBudget(CaseDefinition definition, FuzzingOptions options) => options.Scale(
        LongestTimerChain(definition.OnOpen) + options.OpenHandshakeTimeout.TotalSeconds + options.CloseHandshakeTimeout.TotalSeconds
        + options.ServerConnectionDropTimeout.TotalSeconds + CaseBudgetMarginSeconds);

    /// <summary>The seconds of every timer the steps can arm, chained (the case's longest wait).</summary>
    private static double LongestTimerChain(IEnumerable<CaseStep> steps) => steps.Sum(step => step switch
    {
        KillAfter k => k.Seconds,
        CloseAfter c => c.Seconds,
        ContinueLater later => later.Seconds + LongestTimerChain(later.Then),
        WhenCompressionNegotiated negotiated => LongestTimerChain(negotiated.Then),
        _ => 0,
    });

    public void Run(IReadOnlyList<CaseStep> steps)
    {
        foreach (var step in steps)
        {
            if (core.IsClosed) return;
            Run(step);
        }
    }

    private bool Open => core.State == SessionState.Open;

    private void Run(CaseStep step)
    {
        switch (step)
        {
            case SendFrame f:
                sender.SendFrame(f.Opcode, f.Payload, f.Fin, f.Rsv, f.PayloadLength, f.ChopSize, f.Sync);
                break;
            case SendMessage m:
                sender.SendMessage(m.Payload, m.IsBinary, m.FragmentSize);
                break;
            case SendClose c:
                closing.SendClose(c.Code, c.Reason);
                break;
            case SendCloseFrame c:
                closing.SendCloseFrame(c.Code, c.Reason, isReply: false);
                break;
            case BeginStreamedFrame b:
                sender.BeginStreamedFrame(b.Length);
                break;
            case SendStreamedFrameData d:
                sender.SendStreamedFrameData(d.Chunk);
                break;
            case EndStreamedMessage:
                if (Open) sender.SendFrame(Opcodes.Continuation, []);
                break;
            case ContinueLater later:
                ContinueLater(later);
                break;
            case KillAfter kill:
                recorder.TimerArmed(CaseTimer.KillAfter, kill.Seconds);
                timers.Arm(options.Scale(kill.Seconds), () =>
                {
                    recorder.TimerExpired(CaseTimer.KillAfter);
                    closing.FailConnection();
                });
                break;
            case CloseAfter close:
                recorder.TimerArmed(CaseTimer.CloseAfter, close.Seconds);
                timers.Arm(options.Scale(close.Seconds), () =>
                {
                    recorder.TimerExpired(CaseTimer.CloseAfter);
                    closing.SendClose(null, null);
                });
                break;
            case SetAutoFragmentSize size:
                sender.AutoFragmentSize = size.Size;
                break;
            case SetWirelog wirelog when wirelog.Logged:
                recorder.EnableLogged(wirelog.Enabled);
                break;
            case SetWirelog wirelog:
                recorder.Enabled = wirelog.Enabled;
                break;
            case SendRoundTripMessage:
                judge!.SendNext(sender);
                break;
            case WhenCompressionNegotiated negotiated:
                if (core.CompressionNegotiated()) Run(negotiated.Then);
                break;
            default:
                throw new InvalidOperationException($"Unknown case step {step}.");
        }
    }

    private void ContinueLater(ContinueLater later)
    {
        recorder.TimerArmed(CaseTimer.ContinueLater, later.Seconds, later.Tag);
        timers.Arm(options.Scale(later.Seconds), () =>
        {
            recorder.TimerExpired(CaseTimer.ContinueLater, later.Tag);
            if (later.RecordTimeoutWhenOpen)
            {
                // case6_4_1.py part2/part3: go on only while the peer has not failed the connection.
                if (!Open) return;
                core.RecordTimeout(later.Tag ?? "");
            }

            Run(later.Then);
        });
    }
}
