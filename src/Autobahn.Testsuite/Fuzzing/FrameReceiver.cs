using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The receive path of autobahn's protocol (protocol.py <c>processDataHybi</c>, <c>onFrameBegin</c>,
/// <c>onFrameData</c>, <c>onFrameEnd</c>), sans-I/O: octets go in with <see cref="Append"/>, events come out of
/// <see cref="Next"/> one at a time. The caller handles each event before asking for the next and passes the
/// connection's state with the question, because autobahn goes on parsing after it failed a connection: a frame
/// that breaks a rule is still read to its end, and what follows depends on whether the failure closed the connection.
/// </summary>
internal sealed class FrameReceiver(FuzzerRole role, long maxPayloadLength, TrafficCounter traffic) : IDisposable
{
    private readonly ByteBuffer data = new();
    private readonly Queue<ReceiveEvent> pending = new();
    private readonly Utf8Validator utf8 = new();
    private Phase phase = Phase.Header;
    private FrameHeader header;
    private ulong rawLength;
    private int lengthField;
    private ReceivedFrame? frame;
    private byte[] chunk = [];

    private bool insideMessage;
    private bool messageIsBinary;
    private bool messageCompressed;
    private bool validateUtf8;
    private Utf8ValidationResult utf8Last;
    private ByteBuffer? message;

    private DeflateDecoder? decoder;
    private bool resetContextPerMessage;

    private enum Phase
    {
        Header,
        HeaderChecked,
        LengthChecked,
        Payload,
        PayloadChecked,
        FrameEnd,
        FrameLogged,
        MessageChecked,
    }

    /// <summary>Decompress messages with RSV1 set (RFC 7692 §6); <paramref name="resetContextPerMessage"/>: the peer's no_context_takeover.</summary>
    public void EnablePermessageDeflate(bool resetContextPerMessage)
    {
        decoder = new DeflateDecoder();
        this.resetContextPerMessage = resetContextPerMessage;
    }

    public void Append(ReadOnlySpan<byte> octets) => data.Append(octets);

    /// <summary>The next event.</summary>
    /// <param name="open">The connection is OPEN (traffic is counted only then).</param>
    /// <param name="failed">The fuzzer has failed the connection (later message data is discarded).</param>
    public ReceiveEvent Next(bool open, bool failed)
    {
        if (pending.TryDequeue(out var queued)) return queued;
        while (true)
        {
            switch (phase)
            {
                case Phase.Header:
                    if (!FrameHeaderParser.TryParseFirstTwoBytes(data.Span, out var fin, out var rsv, out var opcode, out var masked, out lengthField)) return NeedMoreData.Instance;
                    phase = Phase.HeaderChecked;
                    var context = new FrameCheckContext(role == FuzzerRole.Server, decoder is not null, insideMessage);
                    if (Violations(FrameHeaderChecks.CheckFirstTwoOctets(fin, rsv, opcode, masked, lengthField, context)) is { } first) return first;
                    break;

                case Phase.HeaderChecked:
                    // autobahn parses from the frame's first octet each time data arrives: a header split across reads is checked again.
                    if (!FrameHeaderParser.TryParse(data.Span, out header, out rawLength))
                    {
                        phase = Phase.Header;
                        return NeedMoreData.Instance;
                    }

                    phase = Phase.LengthChecked;
                    if (Violations(FrameHeaderChecks.CheckLength(lengthField, rawLength)) is { } length) return length;
                    break;

                case Phase.LengthChecked:
                    if (LimitExceeded(failed) is { } limit) return limit;
                    data.Consume(header.HeaderLength);
                    frame = new ReceivedFrame(header);
                    BeginFrame();
                    phase = Phase.Payload;
                    if (header.PayloadLength > 0 && data.Length == 0) return NeedMoreData.Instance;
                    break;

                case Phase.Payload:
                    if (ReadPayload(open) is { } payloadEvent) return payloadEvent;
                    break;

                case Phase.PayloadChecked:
                    if (!failed && !Opcodes.IsControl(header.Opcode)) message!.Append(chunk);
                    chunk = [];
                    if (frame!.Received == header.PayloadLength) phase = Phase.FrameEnd;
                    else if (data.Length == 0) return PayloadPending();
                    else phase = Phase.Payload;
                    break;

                case Phase.FrameEnd:
                    if (!Opcodes.IsControl(header.Opcode) && open) traffic.InFrames++;
                    phase = Phase.FrameLogged;
                    return new FrameCompleted(header, frame!.Received, frame.Kept);

                case Phase.FrameLogged:
                    if (EndFrame() is { } endEvent) return endEvent;
                    break;

                case Phase.MessageChecked:
                    return EndMessage(open, failed);
            }
        }
    }

    public void Dispose() => decoder?.Dispose();

    private ReceiveEvent PayloadPending()
    {
        phase = Phase.Payload;
        return NeedMoreData.Instance;
    }

    private ReceiveEvent? Violations(IReadOnlyList<string> reasons)
    {
        foreach (var reason in reasons) pending.Enqueue(new FrameViolation(CloseCodes.ProtocolError, reason));
        return pending.TryDequeue(out var first) ? first : null;
    }

    private DropRequired? LimitExceeded(bool failed)
    {
        if (rawLength > (ulong)maxPayloadLength)
        {
            // Not in wstest (it would try to buffer it): a bound so a hostile length cannot exhaust memory.
            return new DropRequired($"the {Peer} announced a frame of {rawLength} octets, more than the fuzzer's limit of {maxPayloadLength}");
        }

        if (!Opcodes.IsControl(header.Opcode) && !failed && message is not null && (ulong)message.Length + rawLength > (ulong)maxPayloadLength)
        {
            // The same bound on a fragmented message as a whole (autobahn's maxMessagePayloadSize check in
            // onMessageFrameBegin, which wstest leaves off): endless continuation frames must not exhaust memory.
            return new DropRequired($"the {Peer}'s fragmented message grew beyond the fuzzer's limit of {maxPayloadLength} octets");
        }

        return null;
    }

    private string Peer => role == FuzzerRole.Client ? "server" : "client";

    /// <summary>autobahn <c>onFrameBegin</c> / <c>onMessageBegin</c>.</summary>
    private void BeginFrame()
    {
        if (Opcodes.IsControl(header.Opcode) || insideMessage) return;
        insideMessage = true;
        messageCompressed = decoder is not null && header.Rsv == 4;
        if (messageCompressed) decoder!.StartMessage(resetContext: resetContextPerMessage);
        validateUtf8 = header.Opcode == Opcodes.Text;
        if (validateUtf8)
        {
            utf8.Reset();
            utf8Last = new Utf8ValidationResult(true, true, 0, 0);
        }

        messageIsBinary = header.Opcode == Opcodes.Binary;
        message = new ByteBuffer();
    }

    /// <summary>autobahn <c>onFrameData</c>: unmask, inflate, count, keep for the log, validate UTF-8 incrementally.</summary>
    private ReceiveEvent? ReadPayload(bool open)
    {
        var take = (int)Math.Min(header.PayloadLength - frame!.Received, data.Length);
        var payload = data.Span[..take].ToArray();
        data.Consume(take);
        if (header.Masked && header.MaskKey is { } key && take > 0) Masking.Apply(payload, key, frame.Received);
        frame.Received += take;
        phase = Phase.PayloadChecked;
        if (Opcodes.IsControl(header.Opcode))
        {
            frame.Keep(payload, keepAll: true);
            return null;
        }

        var compressedLength = payload.Length;
        if (messageCompressed)
        {
            var inflated = Inflate(payload, out var failure);
            if (failure is not null) return failure;
            payload = inflated;
        }

        if (open)
        {
            traffic.InOctetsWebSocket += compressedLength;
            traffic.InOctetsApp += payload.Length;
        }

        frame.Keep(payload, keepAll: false);
        chunk = payload;
        if (validateUtf8)
        {
            utf8Last = utf8.Validate(payload);
            if (!utf8Last.IsValid) return new FrameViolation(CloseCodes.InvalidPayload, FrameRules.InvalidUtf8InText(utf8Last.TotalIndex));
        }

        return null;
    }

    /// <summary>
    /// autobahn <c>decompressMessageData</c>. Invalid DEFLATE data or a message that inflates beyond the limit ends the
    /// connection: autobahn would raise from zlib inside <c>dataReceived</c>, which makes Twisted drop the connection.
    /// </summary>
    private byte[] Inflate(byte[] compressed, out DropRequired? failure)
    {
        var output = new ByteBuffer();
        failure = null;
        try
        {
            decoder!.Decompress(compressed, span => output.Append(span));
        }
        catch (InvalidDataException e)
        {
            failure = new DropRequired($"the {Peer} sent invalid permessage-deflate data ({e.Message})");
            return [];
        }

        if ((message?.Length ?? 0) + output.Length > maxPayloadLength)
        {
            failure = new DropRequired($"a compressed message from the {Peer} inflates beyond the fuzzer's limit of {maxPayloadLength} octets");
            return [];
        }

        return output.ToArray();
    }

    /// <summary>autobahn <c>onFrameEnd</c>: a control frame is handed over; the last frame of a message is checked.</summary>
    private ReceiveEvent? EndFrame()
    {
        var kept = frame!.Kept;
        frame = null;
        phase = Phase.Header;
        if (Opcodes.IsControl(header.Opcode)) return new ControlFrameReceived(header.Opcode, kept);
        if (!header.Fin) return null;

        if (messageCompressed)
        {
            // endDecompressMessage: feed the stripped 00 00 ff ff (RFC 7692 §7.2.2); its output is discarded.
            try
            {
                decoder!.EndMessage(static _ => { });
            }
            catch (InvalidDataException e)
            {
                return new DropRequired($"the {Peer} sent invalid permessage-deflate data ({e.Message})");
            }
        }

        phase = Phase.MessageChecked;
        if (validateUtf8 && !utf8Last.EndsOnCodePoint) return new FrameViolation(CloseCodes.InvalidPayload, FrameRules.Utf8EndsInsideCodePoint(utf8Last.TotalIndex));
        return null;
    }

    private MessageEnded EndMessage(bool open, bool failed)
    {
        if (open) traffic.InMessages++;
        var payload = failed ? null : message?.ToArray();
        message = null;
        insideMessage = false;
        phase = Phase.Header;
        return new MessageEnded(payload, messageIsBinary);
    }
}
