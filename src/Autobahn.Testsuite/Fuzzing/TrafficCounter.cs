namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// autobahn's <c>TrafficStats</c> (protocol.py): octets, frames and messages of data traffic, counted while OPEN;
/// octets before it (the handshake) are the pre-open counts. Control frames are not counted.
/// </summary>
internal sealed class TrafficCounter
{
    public long OutOctetsWire { get; set; }

    public long OutOctetsWebSocket { get; set; }

    public long OutOctetsApp { get; set; }

    public long OutFrames { get; set; }

    public long OutMessages { get; set; }

    public long PreopenOutOctets { get; set; }

    public long InOctetsWire { get; set; }

    public long InOctetsWebSocket { get; set; }

    public long InOctetsApp { get; set; }

    public long InFrames { get; set; }

    public long InMessages { get; set; }

    public long PreopenInOctets { get; set; }

    /// <summary>Counts octets read from the transport in <paramref name="state"/>.</summary>
    public void CountIncomingWire(SessionState state, int octets)
    {
        if (state == SessionState.Open) InOctetsWire += octets;
        else if (state == SessionState.Connecting) PreopenInOctets += octets;
    }

    /// <summary>Counts octets written to the transport in <paramref name="state"/>.</summary>
    public void CountOutgoingWire(SessionState state, int octets)
    {
        if (state == SessionState.Open) OutOctetsWire += octets;
        else if (state == SessionState.Connecting) PreopenOutOctets += octets;
    }

    public TrafficStats Snapshot() => new()
    {
        OutgoingOctetsWireLevel = OutOctetsWire,
        OutgoingOctetsWebSocketLevel = OutOctetsWebSocket,
        OutgoingOctetsAppLevel = OutOctetsApp,
        OutgoingWebSocketFrames = OutFrames,
        OutgoingWebSocketMessages = OutMessages,
        PreopenOutgoingOctetsWireLevel = PreopenOutOctets,
        IncomingOctetsWireLevel = InOctetsWire,
        IncomingOctetsWebSocketLevel = InOctetsWebSocket,
        IncomingOctetsAppLevel = InOctetsApp,
        IncomingWebSocketFrames = InFrames,
        IncomingWebSocketMessages = InMessages,
        PreopenIncomingOctetsWireLevel = PreopenInOctets,
    };
}
