namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>What a <see cref="ScriptedEchoPeer"/> does in reaction to its input, in order.</summary>
/// <param name="Send">Octets to deliver to the fuzzer, possibly empty.</param>
/// <param name="CloseTransport">The peer closes TCP after sending them.</param>
internal sealed record PeerReaction(byte[] Send, bool CloseTransport)
{
    /// <summary>Nothing to send; the connection stays as it is.</summary>
    public static PeerReaction None { get; } = new([], false);
}
