using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Fuzzing.Echo;

/// <summary>What a self-judging case does after an echo: send the next message, or close with a verdict.</summary>
/// <param name="SendNext">True: send the next message; the other fields are unused.</param>
/// <param name="Behavior">The case's verdict when closing.</param>
/// <param name="Result">wstest's result text when closing.</param>
/// <param name="LogWirelogChange">True: switch the wire log back on with a "WLM" row (<c>enableWirelog</c>); false: silently.</param>
/// <param name="CaptureTraffic">True: the case reports the traffic statistics as they are now (12.x/13.x).</param>
internal readonly record struct EchoDecision(bool SendNext, Behavior Behavior, string? Result, bool LogWirelogChange, bool CaptureTraffic)
{
    public static EchoDecision Next { get; } = new(true, default, null, false, false);

    public static EchoDecision Close(Behavior behavior, string result, bool logWirelogChange = true, bool captureTraffic = false) =>
        new(false, behavior, result, logWirelogChange, captureTraffic);
}
