using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Fuzzing.Echo;

/// <summary><c>case9_1_1.py</c> (9.1–9.6): the first echo decides, by type and length only; then close.</summary>
internal sealed class SingleEchoJudge(SingleEchoCheck check) : EchoJudge
{
    public override string InitialResult => $"Did not receive message within {check.WaitSeconds} seconds.";

    public override EchoDecision Judge(byte[] payload, bool isBinary)
    {
        var kind = check.IsBinary ? "binary" : "text";
        var result = isBinary != check.IsBinary
            ? check.IsBinary ? "Expected binary message with payload, but got text." : "Expected text message with payload, but got binary."
            : payload.Length != check.Length
                ? $"Expected {kind} message with payload of length {check.Length}, but got {payload.Length}."
                : null;

        // onMessage sets createWirelog directly: no "WLM" row.
        return result is null
            ? EchoDecision.Close(Behavior.Ok, $"Received {kind} message of length {payload.Length}.", logWirelogChange: false)
            : EchoDecision.Close(Behavior.Failed, result, logWirelogChange: false);
    }

    /// <summary>The case's one message is a script step (a streamed or chopped frame), not sent from here.</summary>
    public override void SendNext(FrameSender sender) => throw new InvalidOperationException("9.1–9.6 send their message from the case script.");
}
