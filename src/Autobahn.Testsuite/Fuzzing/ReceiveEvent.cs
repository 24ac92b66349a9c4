using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>What <see cref="FrameReceiver.Next"/> found in the received octets, one event at a time.</summary>
internal abstract record ReceiveEvent;

/// <summary>Nothing more can be read until more octets arrive.</summary>
internal sealed record NeedMoreData : ReceiveEvent
{
    public static NeedMoreData Instance { get; } = new();
}

/// <summary>A rule was broken: autobahn's <c>protocolViolation</c> (1002) or <c>invalidPayload</c> (1007) fails the connection.</summary>
internal sealed record FrameViolation(int CloseCode, string Reason) : ReceiveEvent;

/// <summary>The fuzzer gives up on the peer without a closing handshake (a limit, or invalid DEFLATE data).</summary>
internal sealed record DropRequired(string Reason) : ReceiveEvent;

/// <summary>A frame ended (for the wire log and statistics): its header, payload octets received, the payload kept for the log.</summary>
internal sealed record FrameCompleted(FrameHeader Header, long Received, byte[] Kept) : ReceiveEvent;

/// <summary>A close, ping or pong frame with its whole payload.</summary>
internal sealed record ControlFrameReceived(int Opcode, byte[] Payload) : ReceiveEvent;

/// <summary>A data message ended; <paramref name="Payload"/> is null when it was discarded because the fuzzer had failed the connection.</summary>
internal sealed record MessageEnded(byte[]? Payload, bool IsBinary) : ReceiveEvent;
