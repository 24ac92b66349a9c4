using Autobahn.Testsuite.Driving;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// Runs a <see cref="CaseCore"/> against a <see cref="ScriptedEchoPeer"/> (a server for the client role, a client for
/// the server role) with no socket and no real time: a
/// deterministic loop in the driver's order (due timers first, in due order, then the next queued input), whose
/// clock jumps to the next timer whenever nothing else is queued. Octets reach the other side at once.
/// </summary>
internal static class PeerSimulation
{
    public static CaseTranscript Run(CaseCore core, ScriptedEchoPeer peer)
    {
        var now = TimeSpan.Zero;
        var timers = new TimerQueue();
        var inputs = new Queue<Action>();

        void Apply()
        {
            foreach (var output in core.TakeOutputs())
            {
                switch (output)
                {
                    case SendBytes send when !peer.TransportClosed:
                        Deliver(peer.Receive(send.Bytes));
                        break;
                    case ArmTimer arm:
                        timers.Arm(arm.Token, arm.Due);
                        break;
                    case CancelTimer cancel:
                        timers.Cancel(cancel.Token);
                        break;
                    case ContinueSendingLater:
                        inputs.Enqueue(() => core.ContinueSending(now));
                        break;
                    case CloseTransport when !peer.TransportClosed:
                        peer.EndOfStream();
                        break;
                }
            }
        }

        void Deliver(PeerReaction reaction)
        {
            var octets = reaction.Send;
            if (octets.Length > 0) inputs.Enqueue(() => core.ReceiveData(octets, now));
            if (reaction.CloseTransport) inputs.Enqueue(() => core.ReceiveEndOfStream(now));
        }

        core.Start(DateTimeOffset.UnixEpoch, now);
        Apply();
        Deliver(peer.Start());
        while (!core.IsClosed)
        {
            if (timers.TryTakeDue(now, out var token))
            {
                core.FireTimer(token, now);
            }
            else if (inputs.TryDequeue(out var input))
            {
                input();
            }
            else if (timers.TryPeek(out _, out var due))
            {
                now = due;
                continue;
            }
            else
            {
                throw new InvalidOperationException($"Case {core.Transcript().CaseId.Text} waits for nothing: no input queued and no timer armed.");
            }

            Apply();
        }

        return core.Transcript();
    }
}
