using System.Buffers;
using System.Buffers.Binary;
using System.Text.Unicode;
using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// A sans-I/O WebSocket echo server for tests that behaves, verdict for verdict, like node <c>ws</c> 8.18.3 as the
/// echo server of <c>shared/servers/ws</c> (<c>perMessageDeflate: true</c>, every message sent back as it came):
/// octets from the fuzzer in, octets for the fuzzer and "close TCP" out, no socket, no clock, no threads.
/// <see cref="Client"/> makes the same peer as ws's client (<c>shared/clients/ws</c>, the testee loop that echoes):
/// it sends the upgrade request, masks its frames and requires unmasked ones (RFC 6455 §5.1), and compresses with
/// the client's side of the agreement.
/// </summary>
/// <remarks>
/// <para>
/// The rules follow ws's <c>lib/receiver.js</c> (<c>getInfo</c>, <c>haveLength</c>, <c>controlMessage</c>,
/// <c>dataMessage</c>), <c>lib/websocket.js</c> (<c>receiverOnError</c>, <c>receiverOnConclude</c>, <c>socketOnEnd</c>)
/// and <c>lib/websocket-server.js</c> (<c>handleUpgrade</c>, <c>completeUpgrade</c>). What shows in wstest's verdicts:
/// </para>
/// <list type="bullet">
/// <item>A frame header is judged as soon as its first two octets are in (RSV2/RSV3, RSV1 without deflate or on a
/// control or continuation frame, reserved opcodes, a continuation outside a message or a new message inside one, a
/// fragmented or over-long control frame, a 1-octet close payload, a missing mask): close 1002, then TCP closed
/// (RFC 6455 §7.1.7). Non-minimal length encodings are accepted, as ws does.</item>
/// <item>Text is checked for UTF-8 once the whole message is in, not fail-fast: wstest rates 6.4.1–6.4.4 NON-STRICT
/// for ws. Invalid text is close 1007.</item>
/// <item>A close frame is answered with the same code and reason (an empty one with an empty one), then TCP is
/// closed (RFC 6455 §7.1.1: the server closes TCP first). Codes ws accepts: 1000–1014 except 1004–1006, and
/// 3000–4999 (<c>validation.js</c> <c>isValidStatusCode</c>); others are close 1002; a reason that is not UTF-8 is
/// close 1007. Everything after a close frame is ignored.</item>
/// <item>Pings are answered with a pong with the same payload; pongs are ignored.</item>
/// <item>With permessage-deflate agreed, echoes are compressed (RFC 7692 §7.2.1), except, with
/// <c>server_no_context_takeover</c>, those shorter than ws's 1024-octet threshold (<c>sender.js</c> <c>send</c>).</item>
/// </list>
/// </remarks>
internal sealed partial class ScriptedEchoPeer
{
    // ws's default maxPayload (100 MiB): a longer message is close 1009. wstest's longest is 16 MiB (9.1.6).
    private const long MaxPayload = 100L * 1024 * 1024;

    // node's default maximum header size (16 KiB); a longer request head is refused with 431.
    private const int MaxRequestHead = 16 * 1024;

    private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    private readonly bool acceptPermessageDeflate;
    private readonly bool isClient;
    private readonly InputBuffer input = new();
    private readonly ArrayBufferWriter<byte> output = new();
    private readonly ArrayBufferWriter<byte> message = new();
    private PeerPhase phase = PeerPhase.Handshake;
    private DeflateAgreement? deflate;
    private DeflateEncoder? compressor;
    private ZlibMessageCompressor? zlibCompressor;
    private DeflateDecoder? decompressor;

    // The opcode of the fragmented message under way (ws's _fragmented), 0 when none; whether it came compressed;
    // and the sum of its frame payload lengths (ws's _totalPayloadLength).
    private int fragmentedOpcode;
    private bool messageCompressed;
    private long messagePayloadLength;

    /// <param name="acceptPermessageDeflate">Whether a permessage-deflate offer is accepted (ws's <c>perMessageDeflate</c>).</param>
    public ScriptedEchoPeer(bool acceptPermessageDeflate = true)
    {
        this.acceptPermessageDeflate = acceptPermessageDeflate;
    }

    private ScriptedEchoPeer(string resource, string? deflateOffer)
    {
        isClient = true;
        this.resource = resource;
        clientOffer = deflateOffer;
        acceptPermessageDeflate = deflateOffer is not null;
    }

    /// <summary>
    /// ws 8.18.3's client as the echoing testee of wstest's fuzzingserver: it requests <paramref name="resource"/>
    /// offering <paramref name="deflateOffer"/> (ws's default offer; null offers nothing, like a client without
    /// permessage-deflate). Its first octets come from <see cref="Start"/>.
    /// </summary>
    public static ScriptedEchoPeer Client(string resource = "/runCase?case=1&agent=ws", string? deflateOffer = "permessage-deflate; client_max_window_bits") =>
        new(resource, deflateOffer);

    /// <summary>The peer has closed TCP (its side); everything it receives from now on is discarded.</summary>
    public bool TransportClosed { get; private set; }

    /// <summary>Feeds octets the fuzzer (a WebSocket client) sent; returns what the peer does in reaction, in order.</summary>
    public PeerReaction Receive(ReadOnlySpan<byte> data)
    {
        if (TransportClosed) return PeerReaction.None;
        input.Append(data);
        if (phase == PeerPhase.Handshake && isClient) ReadResponse();
        else if (phase == PeerPhase.Handshake) ReadHandshake();
        while (phase == PeerPhase.Open && TryReadFrame())
        {
        }

        return TakeReaction();
    }

    /// <summary>
    /// The fuzzer closed its side or dropped TCP. ws's <c>socketOnEnd</c> ends its side too, with no close frame.
    /// </summary>
    public PeerReaction EndOfStream()
    {
        if (TransportClosed) return PeerReaction.None;
        Close();
        return TakeReaction();
    }

    private PeerReaction TakeReaction()
    {
        if (output.WrittenCount == 0 && !TransportClosed) return PeerReaction.None;
        var reaction = new PeerReaction(output.WrittenSpan.ToArray(), TransportClosed);
        output.ResetWrittenCount();
        return reaction;
    }

    private void Close()
    {
        phase = PeerPhase.Closed;
        TransportClosed = true;
        input.Clear();
        decompressor?.Dispose();
        zlibCompressor?.Dispose();
    }

    // ---- frames (RFC 6455 §5) ----------------------------------------------------------------------

    /// <summary>Reads one whole frame if it is in; false when more octets are needed or the connection ended.</summary>
    private bool TryReadFrame()
    {
        var buffer = input.Span;
        if (buffer.Length < 2) return false;

        // receiver.js getInfo: judged on the first two octets, before the length or payload arrive.
        var fin = (buffer[0] & 0x80) != 0;
        var compressed = (buffer[0] & 0x40) != 0;
        var opcode = buffer[0] & 0x0F;
        var length7 = buffer[1] & 0x7F;
        if ((buffer[0] & 0x30) != 0) return Fail(1002);            // RSV2 and RSV3 must be clear
        if (compressed && deflate is null) return Fail(1002);      // RSV1 must be clear
        switch (opcode)
        {
            case ServerFrame.Continuation:
                if (compressed || fragmentedOpcode == 0) return Fail(1002);
                break;
            case ServerFrame.Text or ServerFrame.Binary:
                if (fragmentedOpcode != 0) return Fail(1002);
                break;
            case ServerFrame.Close or ServerFrame.Ping or ServerFrame.Pong:
                if (!fin || compressed) return Fail(1002);
                if (length7 > 125 || (opcode == ServerFrame.Close && length7 == 1)) return Fail(1002);
                break;
            default:
                return Fail(1002);                                    // reserved opcodes 3–7, 11–15
        }

        // RFC 6455 §5.1: a server requires masked frames (ws: "MASK must be set"), a client unmasked ones ("MASK must be clear").
        var masked = (buffer[1] & 0x80) != 0;
        if (masked == isClient) return Fail(1002);
        var maskLength = masked ? 4 : 0;

        // Extended length, in any encoding (ws does not insist on the shortest, RFC 6455 §5.2).
        var headerLength = 2;
        long payloadLength = length7;
        if (length7 == 126)
        {
            if (buffer.Length < 4) return false;
            payloadLength = BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]);
            headerLength = 4;
        }
        else if (length7 == 127)
        {
            if (buffer.Length < 10) return false;
            var length64 = BinaryPrimitives.ReadUInt64BigEndian(buffer[2..]);
            if (length64 > (1UL << 53) - 1) return Fail(1009);        // unsupported: payload length > 2^53 - 1
            payloadLength = (long)length64;
            headerLength = 10;
        }

        // haveLength: data frame payloads add up per message against maxPayload.
        if (opcode < ServerFrame.Close && messagePayloadLength + payloadLength > MaxPayload) return Fail(1009);

        if (buffer.Length < headerLength + maskLength + payloadLength) return false;
        var payload = buffer.Slice(headerLength + maskLength, (int)payloadLength);
        if (masked) Unmask(payload, buffer.Slice(headerLength, 4));

        if (opcode >= ServerFrame.Close)
        {
            ControlFrame(opcode, payload);
        }
        else
        {
            DataFrame(opcode, fin, compressed, payload);
        }

        if (phase == PeerPhase.Open) input.Consume(headerLength + maskLength + (int)payloadLength);
        return phase == PeerPhase.Open;
    }

    private static void Unmask(Span<byte> payload, ReadOnlySpan<byte> maskKey)
    {
        var key = BinaryPrimitives.ReadUInt32LittleEndian(maskKey);
        var i = 0;
        for (; i + 4 <= payload.Length; i += 4)
        {
            var word = BinaryPrimitives.ReadUInt32LittleEndian(payload[i..]) ^ key;
            BinaryPrimitives.WriteUInt32LittleEndian(payload[i..], word);
        }

        for (; i < payload.Length; i++) payload[i] ^= maskKey[i & 3];
    }

    // receiver.js controlMessage, websocket.js receiverOnPing / receiverOnConclude.
    private void ControlFrame(int opcode, ReadOnlySpan<byte> payload)
    {
        switch (opcode)
        {
            case ServerFrame.Ping:
                Write(ServerFrame.Pong, payload);
                break;
            case ServerFrame.Pong:
                break;
            case ServerFrame.Close when payload.IsEmpty:
                // Code 1005 (none): ws closes without a code, i.e. an empty close frame.
                WriteClose(null);
                Close();
                break;
            default:
                var code = BinaryPrimitives.ReadUInt16BigEndian(payload);
                var reason = payload[2..];
                if (!IsValidStatusCode(code))
                {
                    Fail(1002);
                }
                else if (!Utf8.IsValid(reason))
                {
                    Fail(1007);
                }
                else
                {
                    WriteClose(code, reason);
                    Close();
                }

                break;
        }
    }

    /// <summary>ws's <c>isValidStatusCode</c> (validation.js): 1012–1014 are valid for ws, 1015 is not.</summary>
    internal static bool IsValidStatusCode(int code) =>
        (code is >= 1000 and <= 1014 && code is not (1004 or 1005 or 1006)) || code is >= 3000 and <= 4999;

    private void DataFrame(int opcode, bool fin, bool compressed, ReadOnlySpan<byte> payload)
    {
        if (opcode != ServerFrame.Continuation)
        {
            // A whole message in one plain frame is echoed straight from the input, with no copy.
            if (fin && !compressed)
            {
                DataMessage(opcode, payload);
                return;
            }

            fragmentedOpcode = opcode;
            messageCompressed = compressed;
            message.ResetWrittenCount();
        }

        message.Write(payload);
        messagePayloadLength += payload.Length;
        if (!fin) return;

        var messageOpcode = fragmentedOpcode;
        fragmentedOpcode = 0;
        messagePayloadLength = 0;
        if (!messageCompressed)
        {
            DataMessage(messageOpcode, message.WrittenSpan);
            return;
        }

        var inflated = Inflate(message.WrittenMemory);
        if (inflated is null)
        {
            Fail(1007);
        }
        else if (inflated.Length > MaxPayload)
        {
            Fail(1009);
        }
        else
        {
            DataMessage(messageOpcode, inflated);
        }
    }

    // permessage-deflate.js decompress: the message plus the stripped 00 00 ff ff (RFC 7692 §7.2.2); the context
    // is reset per message when the other side's no_context_takeover was agreed (every wstest offer asks for
    // client_no_context_takeover).
    private byte[]? Inflate(ReadOnlyMemory<byte> compressed)
    {
        var inflated = new ArrayBufferWriter<byte>(Math.Max(256, compressed.Length * 4));
        try
        {
            decompressor!.StartMessage(resetContext: isClient ? deflate!.ServerNoContextTakeover : deflate!.ClientNoContextTakeover);
            decompressor.Decompress(compressed, inflated.Write);
            decompressor.EndMessage(inflated.Write);
        }
        catch (InvalidDataException)
        {
            return null;
        }

        return inflated.WrittenSpan.ToArray();
    }

    // receiver.js dataMessage (UTF-8 checked over the whole message), then the echo server's ws.send(data, { binary }).
    private void DataMessage(int opcode, ReadOnlySpan<byte> data)
    {
        if (opcode == ServerFrame.Text && !Utf8.IsValid(data))
        {
            Fail(1007);
            return;
        }

        // sender.js send: compress when deflate was agreed, but without context takeover (this side's
        // *_no_context_takeover) only from the threshold on.
        var noContextTakeover = deflate is not null && (isClient ? deflate.ClientNoContextTakeover : deflate.ServerNoContextTakeover);
        var compress = deflate is not null && (!noContextTakeover || data.Length >= DeflateAgreement.CompressionThreshold);
        if (compress)
        {
            var compressed = zlibCompressor?.CompressMessage(data, contextTakeover: !noContextTakeover)
                ?? compressor!.CompressMessage(data, contextTakeover: !noContextTakeover);
            Write(opcode, compressed, rsv1: true);
        }
        else
        {
            Write(opcode, data);
        }
    }

    /// <summary>permessage-deflate agreed: this side compresses with its own window (zlib for 15), and inflates.</summary>
    private void StartDeflate()
    {
        var windowBits = isClient ? (deflate!.ClientMaxWindowBits == 0 ? 15 : deflate.ClientMaxWindowBits) : deflate!.ServerWindowBits;
        if (windowBits == 15) zlibCompressor = new ZlibMessageCompressor();
        else compressor = new DeflateEncoder(windowBits);
        decompressor = new DeflateDecoder();
    }

    // sender.js frame: a client masks every frame with a fresh key (a counter here, for repeatable runs).
    private void Write(int opcode, ReadOnlySpan<byte> payload, bool rsv1 = false) =>
        ServerFrame.Write(output, opcode, payload, rsv1, isClient ? NextMaskKey() : default);

    private void WriteClose(int? code, ReadOnlySpan<byte> reason = default) =>
        ServerFrame.WriteClose(output, code, reason, isClient ? NextMaskKey() : default);

    private byte[] NextMaskKey() => BitConverter.GetBytes(++masks);

    /// <summary>
    /// websocket.js receiverOnError: the close frame with the error's code (no reason), then, the receiver having
    /// errored, the socket is ended at once (RFC 6455 §7.1.7 "Fail the WebSocket Connection").
    /// </summary>
    private bool Fail(int code)
    {
        WriteClose(code);
        Close();
        return false;
    }
}
