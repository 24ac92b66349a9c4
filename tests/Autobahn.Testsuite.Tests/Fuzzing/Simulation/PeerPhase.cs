namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>Where a <see cref="ScriptedEchoPeer"/> is in the life of its one connection.</summary>
internal enum PeerPhase
{
    /// <summary>Reading the HTTP upgrade request (RFC 6455 §4.2.1).</summary>
    Handshake,

    /// <summary>Handshake answered with 101: frames are read and echoed.</summary>
    Open,

    /// <summary>The peer sent its close frame (or refused the handshake) and closed TCP; input is discarded.</summary>
    Closed,
}
