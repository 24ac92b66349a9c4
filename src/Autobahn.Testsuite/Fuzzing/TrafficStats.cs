namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// autobahn-python's <c>TrafficStats</c> (websocket/protocol.py): octets and frames of data messages at the wire,
/// WebSocket (after compression) and application (before compression) levels. Only 12.x and 13.x report them
/// (<c>case12_x_x.py</c> copies them after the last echo).
/// </summary>
public sealed record TrafficStats
{
    /// <summary>Octets written to TCP after the opening handshake.</summary>
    public long OutgoingOctetsWireLevel { get; init; }

    /// <summary>Frame payload octets of outgoing data messages, after compression.</summary>
    public long OutgoingOctetsWebSocketLevel { get; init; }

    /// <summary>Octets of outgoing data messages, before compression.</summary>
    public long OutgoingOctetsAppLevel { get; init; }

    /// <summary>Outgoing data frames.</summary>
    public long OutgoingWebSocketFrames { get; init; }

    /// <summary>Outgoing data messages.</summary>
    public long OutgoingWebSocketMessages { get; init; }

    /// <summary>Octets written to TCP before the connection was open (the handshake request).</summary>
    public long PreopenOutgoingOctetsWireLevel { get; init; }

    /// <summary>Octets read from TCP after the opening handshake.</summary>
    public long IncomingOctetsWireLevel { get; init; }

    /// <summary>Frame payload octets of incoming data messages, before decompression.</summary>
    public long IncomingOctetsWebSocketLevel { get; init; }

    /// <summary>Octets of incoming data messages, after decompression.</summary>
    public long IncomingOctetsAppLevel { get; init; }

    /// <summary>Incoming data frames.</summary>
    public long IncomingWebSocketFrames { get; init; }

    /// <summary>Incoming data messages.</summary>
    public long IncomingWebSocketMessages { get; init; }

    /// <summary>Octets read from TCP before the connection was open (the handshake response).</summary>
    public long PreopenIncomingOctetsWireLevel { get; init; }

    /// <summary>Compressed size over uncompressed size of what was sent; null when nothing was sent.</summary>
    public double? OutgoingCompressionRatio => OutgoingOctetsAppLevel > 0 ? (double)OutgoingOctetsWebSocketLevel / OutgoingOctetsAppLevel : null;

    /// <summary>Compressed size over uncompressed size of what was received; null when nothing was received.</summary>
    public double? IncomingCompressionRatio => IncomingOctetsAppLevel > 0 ? (double)IncomingOctetsWebSocketLevel / IncomingOctetsAppLevel : null;

    /// <summary>Non-payload octets over payload octets sent; null when no payload was sent.</summary>
    public double? OutgoingWebSocketOverhead => OutgoingOctetsWebSocketLevel > 0 ? (double)(OutgoingOctetsWireLevel - OutgoingOctetsWebSocketLevel) / OutgoingOctetsWebSocketLevel : null;

    /// <summary>Non-payload octets over payload octets received; null when no payload was received.</summary>
    public double? IncomingWebSocketOverhead => IncomingOctetsWebSocketLevel > 0 ? (double)(IncomingOctetsWireLevel - IncomingOctetsWebSocketLevel) / IncomingOctetsWebSocketLevel : null;
}
