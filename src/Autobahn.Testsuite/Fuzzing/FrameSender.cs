using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The send side of autobahn's protocol (protocol.py <c>sendFrame</c>, <c>sendMessageHybi</c>,
/// <c>beginMessageFrame</c>/<c>sendMessageFrameData</c>, <c>sendData</c>/<c>_send</c>): frames of any shape, messages
/// compressed and fragmented, and wstest's queue for sync and chopped writes, which goes out one write per loop turn.
/// A client masks every frame with a fresh key (RFC 6455 §5.3); a server sends unmasked (fuzzingserver-and-cli.md §A.5).
/// </summary>
internal sealed class FrameSender(FuzzerRole role, Func<byte[]> newMaskKey, ClosingState connection, WireRecorder recorder, TrafficCounter traffic, List<CoreOutput> outputs)
{
    private readonly Queue<(byte[] Data, bool Sync)> sendQueue = new();
    private bool sendTriggered;
    private long streamedFrameOffset;
    private byte[] streamedFrameMask = [];

    /// <summary>wstest's <c>setAutoFragmentSize</c>: messages are cut into frames of this size; 0 is off.</summary>
    public int AutoFragmentSize { get; set; }

    /// <summary>permessage-deflate as negotiated: the encoder and whether each message starts a fresh context.</summary>
    public (DeflateEncoder Encoder, bool NoContextTakeover)? Deflate { get; set; }

    /// <summary>autobahn <c>sendFrame</c>: any frame, validated against nothing.</summary>
    public void SendFrame(int opcode, byte[] payload, bool fin = true, int rsv = 0, long? payloadLength = null, int? chopSize = null, bool sync = false)
    {
        var body = payloadLength is { } length ? FrameWriter.RepeatPayload(payload, length) : payload;
        var mask = NewMask();
        var frame = FrameWriter.Encode(opcode, body, fin, rsv, mask ?? []);
        if (!Opcodes.IsControl(opcode)) traffic.OutFrames++;
        recorder.TxFrame(opcode, payload, fin, rsv, mask, payloadLength, chopSize, sync);
        SendData(frame, sync, chopSize);
    }

    /// <summary>
    /// autobahn <c>sendMessageHybi</c>: compressed when permessage-deflate is in use (RSV1 on the first frame only,
    /// RFC 7692 §6), then fragmented at <paramref name="fragmentSize"/> or the auto-fragment size. Like autobahn it
    /// sends nothing unless OPEN.
    /// </summary>
    public void SendMessage(byte[] payload, bool isBinary, int? fragmentSize, byte[]? precompressed = null)
    {
        if (State != SessionState.Open) return;
        var opcode = isBinary ? Opcodes.Binary : Opcodes.Text;
        traffic.OutMessages++;
        traffic.OutOctetsApp += payload.Length;
        var rsv = 0;
        if (Deflate is var (encoder, noContextTakeover))
        {
            // startCompressMessage: a fresh compressor per message when the peer asked for no context takeover.
            payload = precompressed ?? encoder.CompressMessage(payload, contextTakeover: !noContextTakeover);
            rsv = 4;
        }

        traffic.OutOctetsWebSocket += payload.Length;
        int? size = fragmentSize ?? (AutoFragmentSize > 0 ? AutoFragmentSize : null);
        if (size is null || payload.Length <= size)
        {
            SendFrame(opcode, payload, rsv: rsv);
            return;
        }

        for (var i = 0; i < payload.Length; i += size.Value)
        {
            var end = Math.Min(i + size.Value, payload.Length);
            SendFrame(i == 0 ? opcode : Opcodes.Continuation, payload[i..end], fin: end == payload.Length, rsv: i == 0 ? rsv : 0);
        }
    }

    /// <summary>autobahn <c>beginMessageFrame</c>: the header of a text frame whose payload follows in pieces.</summary>
    public void BeginStreamedFrame(long length)
    {
        if (State != SessionState.Open) return;
        var mask = NewMask();
        streamedFrameMask = mask ?? [];
        streamedFrameOffset = 0;
        SendData(FrameWriter.EncodeHeader(Opcodes.Text, length, fin: false, rsv: 0, streamedFrameMask), sync: false, chopSize: null);
    }

    /// <summary>autobahn <c>sendMessageFrameData</c>: the next piece of the frame begun above, masked where it left off.</summary>
    public void SendStreamedFrameData(byte[] chunk)
    {
        if (State != SessionState.Open) return;
        var data = chunk.ToArray();
        if (streamedFrameMask.Length == 4) Masking.Apply(data, streamedFrameMask, streamedFrameOffset);
        streamedFrameOffset += chunk.Length;
        SendData(data, sync: false, chopSize: null);
    }

    /// <summary>autobahn <c>sendData</c>: a direct write, or through the queue (one write per loop turn) when synced or chopped.</summary>
    public void SendData(byte[] bytes, bool sync, int? chopSize)
    {
        if (chopSize is > 0)
        {
            for (var i = 0; i < bytes.Length; i += chopSize.Value)
            {
                sendQueue.Enqueue((bytes[i..Math.Min(i + chopSize.Value, bytes.Length)], true));
            }

            TriggerSend();
        }
        else if (sync || sendQueue.Count > 0)
        {
            sendQueue.Enqueue((bytes, sync));
            TriggerSend();
        }
        else
        {
            Write(bytes, sync: false, separate: false);
        }
    }

    /// <summary>
    /// autobahn <c>_send</c>: one queued write, then the next on a later turn, so reads and timers interleave with
    /// queued writes as with Twisted's <c>callLater(0.00001)</c>. Nothing is written once the connection is closed.
    /// </summary>
    public void ContinueSending()
    {
        if (sendQueue.Count == 0)
        {
            sendTriggered = false;
            return;
        }

        var (bytes, sync) = sendQueue.Dequeue();
        if (State != SessionState.Closed) Write(bytes, sync, separate: true);
        outputs.Add(ContinueSendingLater.Instance);
    }

    private void TriggerSend()
    {
        if (sendTriggered) return;
        sendTriggered = true;
        ContinueSending();
    }

    private void Write(byte[] bytes, bool sync, bool separate)
    {
        traffic.CountOutgoingWire(State, bytes.Length);
        recorder.TxOctets(bytes, sync);
        outputs.Add(new SendBytes(bytes, separate));
    }

    private SessionState State => connection.State;

    private byte[]? NewMask() => role == FuzzerRole.Client ? newMaskKey() : null;
}
