using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Fuzzing.Echo;

/// <summary><c>case9_7_X.py</c> / <c>case9_8_X.py</c>: the next message after each good echo; OK after the last.</summary>
internal sealed class RoundTripJudge(RoundTripCheck check) : EchoJudge
{
    public override string InitialResult => $"Case did not finish within {check.WaitSeconds} seconds.";

    public override EchoDecision Judge(byte[] payload, bool isBinary)
    {
        if (isBinary != check.IsBinary || payload.Length != check.Length)
        {
            return EchoDecision.Close(Behavior.Failed, $"Echo'ed message type or length differs from what I sent (got binary = {Python(isBinary)}, payload length = {payload.Length}).");
        }

        return Sent < check.Count ? EchoDecision.Next : EchoDecision.Close(Behavior.Ok, "Ok, received all echo'ed messages in time.");
    }

    /// <summary>sendFrame does not look at the state: a late echo after our close still sends the next message, as in wstest.</summary>
    public override void SendNext(FrameSender sender)
    {
        sender.SendFrame(check.IsBinary ? Opcodes.Binary : Opcodes.Text, check.Payload, payloadLength: check.Length);
        Sent++;
    }
}
