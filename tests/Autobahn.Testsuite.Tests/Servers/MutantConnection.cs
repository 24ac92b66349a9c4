using System.Net.Sockets;
using System.Text;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Servers;

/// <summary>
/// One connection of a <see cref="MutantServer"/>: the server side of the opening handshake, then an echo loop that
/// parses frames incrementally (payload octets are processed as they arrive, so UTF-8 can fail fast inside a frame)
/// and applies the RFC 6455 server rules unless <see cref="MutantOptions"/> switches one off.
/// </summary>
internal sealed class MutantConnection
{
    private const int MaxHandshakeLength = 16 * 1024;
    private const long MaxMessageLength = 64L * 1024 * 1024;
    private static readonly TimeSpan LingerTimeout = TimeSpan.FromSeconds(2);
    private static readonly byte[] ServerMaskKey = [0x37, 0xfa, 0x21, 0x3d];

    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly MutantOptions options;
    private readonly CancellationToken stopping;
    private readonly Action<Exception> reportBug;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly List<byte[]> outgoing = [];
    private readonly List<Task> delayedEchoes = [];
    private readonly Utf8Validator utf8 = new();
    private readonly MemoryStream controlPayload = new();
    private readonly MemoryStream message = new();

    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    private FrameHeader? frame;
    private long frameReceived;

    private bool insideMessage;
    private int messageOpcode;
    private int messageRsv;
    private bool validateText;
    private bool utf8EndsOnCodePoint = true;

    // Read by delayed echoes on other threads.
    private volatile bool closeSent;
    private volatile bool closeReceived;
    private volatile bool endTcp;

    public MutantConnection(Socket socket, MutantOptions options, Action<Exception> reportBug, CancellationToken stopping)
    {
        this.socket = socket;
        this.options = options;
        this.reportBug = reportBug;
        this.stopping = stopping;
        stream = new NetworkStream(socket, ownsSocket: false);
    }

    private bool IsOpen => !closeSent && !closeReceived && !endTcp;

    /// <summary>Serves the connection until the client goes away, the defect ends it, or the server stops. Never throws.</summary>
    public async Task RunAsync()
    {
        try
        {
            if (await HandshakeAsync().ConfigureAwait(false))
            {
                await FrameLoopAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client dropped the connection, or the server is stopping.
        }
        catch (Exception e)
        {
            // A bug in the test server itself: surfaced by MutantServer.DisposeAsync.
            reportBug(e);
        }
        finally
        {
            await Task.WhenAll(delayedEchoes).ConfigureAwait(false);
            socket.Dispose();
        }
    }

    // ---- opening handshake (RFC 6455 §4.2) ----------------------------------------------------------

    private async Task<bool> HandshakeAsync()
    {
        int headerEnd;
        while ((headerEnd = buffer.AsSpan(0, end).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (end >= MaxHandshakeLength || !await ReadMoreAsync().ConfigureAwait(false)) return false;
        }

        var request = Encoding.ASCII.GetString(buffer, 0, headerEnd);
        start = headerEnd + 4;
        var key = request.Split("\r\n")
            .Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();

        switch (options.Handshake)
        {
            case HandshakeDefect.NeverAnswers:
                await DrainAsync(Timeout.InfiniteTimeSpan).ConfigureAwait(false);
                return false;
            case HandshakeDefect.NotFound:
                await WriteAsync("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray()).ConfigureAwait(false);
                await CloseTcpAsync().ConfigureAwait(false);
                return false;
            case HandshakeDefect.ClosesConnection:
                await CloseTcpAsync().ConfigureAwait(false);
                return false;
            case HandshakeDefect.Garbage:
                await WriteAsync("garbage\r\n\r\n"u8.ToArray()).ConfigureAwait(false);
                await CloseTcpAsync().ConfigureAwait(false);
                return false;
        }

        if (key is null)
        {
            await WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray()).ConfigureAwait(false);
            await CloseTcpAsync().ConfigureAwait(false);
            return false;
        }

        var accept = HandshakeRequest.ExpectedAccept(options.Handshake == HandshakeDefect.WrongAccept ? key + "-wrong" : key);
        var response = "HTTP/1.1 101 Switching Protocols\r\n" +
                       "Server: MutantServer\r\n" +
                       "Upgrade: websocket\r\n" +
                       "Connection: Upgrade\r\n" +
                       $"Sec-WebSocket-Accept: {accept}\r\n\r\n";
        await WriteAsync(Encoding.ASCII.GetBytes(response)).ConfigureAwait(false);
        if (options.Handshake == HandshakeDefect.WrongAccept)
        {
            // The client must fail the handshake and drop the connection.
            await DrainAsync(Timeout.InfiniteTimeSpan).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    // ---- frames -------------------------------------------------------------------------------------

    private async Task FrameLoopAsync()
    {
        while (true)
        {
            Process();
            await FlushAsync().ConfigureAwait(false);
            if (endTcp)
            {
                if (options.NeverClosesTcp)
                {
                    await DrainAsync(Timeout.InfiniteTimeSpan).ConfigureAwait(false);
                }
                else
                {
                    await CloseTcpAsync().ConfigureAwait(false);
                }

                return;
            }

            if (!await ReadMoreAsync().ConfigureAwait(false)) return;
        }
    }

    /// <summary>Consumes every buffered octet: frame headers, then payload chunks as they come.</summary>
    private void Process()
    {
        while (!endTcp)
        {
            if (frame is null)
            {
                if (!FrameHeaderParser.TryParse(buffer.AsSpan(start, end - start), out var parsed, out var rawLength)) return;
                start += parsed.HeaderLength;
                frame = parsed;
                frameReceived = 0;
                controlPayload.SetLength(0);
                if (rawLength > MaxMessageLength)
                {
                    // Not worth buffering: 1009 (§7.4.1) and close.
                    if (IsOpen) Fail(CloseCodes.MessageTooBig);
                    endTcp = true;
                    return;
                }

                if (IsOpen) OnFrameBegin(parsed, rawLength);
                if (endTcp) return;
            }

            var header = frame.Value;
            var take = (int)Math.Min(header.PayloadLength - frameReceived, end - start);
            if (take == 0 && header.PayloadLength > frameReceived) return;
            var chunk = buffer.AsSpan(start, take).ToArray();
            start += take;
            if (header.MaskKey is { } key) Masking.Apply(chunk, key, frameReceived);
            frameReceived += take;
            if (take > 0) OnFrameData(header, chunk);
            if (frameReceived == header.PayloadLength)
            {
                frame = null;
                OnFrameEnd(header);
            }
        }
    }

    private void OnFrameBegin(FrameHeader header, ulong rawLength)
    {
        if (Violates(header, rawLength))
        {
            Fail(options.ProtocolErrorCloseCode);
            return;
        }

        if (!Opcodes.IsControl(header.Opcode) && !insideMessage)
        {
            insideMessage = true;
            messageOpcode = header.Opcode;
            messageRsv = header.Rsv;
            message.SetLength(0);
            validateText = header.Opcode == Opcodes.Text && !options.NoUtf8Validation;
            utf8.Reset();
            utf8EndsOnCodePoint = true;
        }
    }

    /// <summary>The RFC 6455 rules a server checks on a frame header.</summary>
    private bool Violates(FrameHeader header, ulong rawLength)
    {
        // §5.2: RSV bits MUST be 0 unless an extension defines them.
        if (header.Rsv != 0 && !options.IgnoreRsv && !options.EchoReservedBits) return true;

        // §5.1: a server MUST close the connection upon receiving an unmasked frame.
        if (!header.Masked) return true;

        // §5.2: minimal length encoding, and the most significant bit of a 64-bit length is 0.
        if (FrameRules.IsNonMinimalLength(header.LengthField, rawLength) || FrameRules.IsLengthTooLarge(rawLength)) return true;

        var opcode = header.Opcode;
        if (Opcodes.IsControl(opcode))
        {
            // §5.5: control frames are not fragmented, carry at most 125 octets; 0xB-0xF are reserved; §5.5.1: no 1-octet close body.
            return !header.Fin
                || header.LengthField > FrameRules.MaxControlPayload
                || opcode is not (Opcodes.Close or Opcodes.Ping or Opcodes.Pong)
                || (opcode == Opcodes.Close && header.PayloadLength == 1);
        }

        // §5.2: 0x3-0x7 are reserved; §5.4: continuations only inside a fragmented message, and nothing else there.
        if (opcode is not (Opcodes.Continuation or Opcodes.Text or Opcodes.Binary)) return true;
        return insideMessage ? opcode != Opcodes.Continuation : opcode == Opcodes.Continuation;
    }

    private void OnFrameData(FrameHeader header, byte[] chunk)
    {
        if (Opcodes.IsControl(header.Opcode))
        {
            controlPayload.Write(chunk);
            return;
        }

        if (!IsOpen) return;
        message.Write(chunk);
        if (validateText && !options.Utf8ValidationPerMessageOnly)
        {
            // §8.1 fail fast: as soon as an octet makes the text invalid.
            var result = utf8.Validate(chunk);
            utf8EndsOnCodePoint = result.EndsOnCodePoint;
            if (!result.IsValid) Fail(options.InvalidPayloadCloseCode);
        }
    }

    private void OnFrameEnd(FrameHeader header)
    {
        // After the client's close (NeverRepliesToClose) nothing more is processed.
        if (!IsOpen) return;

        switch (header.Opcode)
        {
            case Opcodes.Ping:
                // §5.5.2: a pong with the ping's payload.
                var pong = Encode(Opcodes.Pong, controlPayload.ToArray(), rsv: 0);
                outgoing.Add(pong);
                if (options.AnswerPingsTwice) outgoing.Add(pong);
                break;
            case Opcodes.Pong:
                break;
            case Opcodes.Close:
                OnClose(controlPayload.ToArray());
                break;
            default:
                if (!header.Fin) return;
                insideMessage = false;
                var payload = message.ToArray();
                if (validateText)
                {
                    var valid = options.Utf8ValidationPerMessageOnly ? Utf8Validator.IsValid(payload) : utf8EndsOnCodePoint;
                    if (!valid)
                    {
                        Fail(options.InvalidPayloadCloseCode);
                        return;
                    }
                }

                Echo(Encode(messageOpcode, payload, options.EchoReservedBits ? messageRsv : 0));
                break;
        }
    }

    /// <summary>§5.5.1 / §7.4: the client started the closing handshake; reply with its code (1000 when it sent none), then close TCP.</summary>
    private void OnClose(byte[] payload)
    {
        closeReceived = true;
        if (options.DropsTcpOnClose)
        {
            endTcp = true;
            return;
        }

        if (options.NeverRepliesToClose) return;

        var (code, reason) = ClosePayload.Parse(payload);
        int? replyCode = code ?? CloseCodes.Normal;
        var replyReason = options.EchoCloseReason ? reason ?? [] : [];
        if (code is { } c && !options.NoCloseCodeValidation && !CloseCodes.IsValidReceived(c))
        {
            (replyCode, replyReason) = (options.ProtocolErrorCloseCode, []);
        }
        else if (reason is not null && !options.NoUtf8Validation && !Utf8Validator.IsValid(reason))
        {
            (replyCode, replyReason) = (options.InvalidPayloadCloseCode, []);
        }

        SendClose(replyCode, replyReason);
        endTcp = true;
    }

    /// <summary>
    /// §7.1.7 _Fail the WebSocket Connection_: a close frame with the code, then close TCP at once. The server does not
    /// wait for the client's close by parsing frames: it may have failed inside a frame whose rest never comes (6.4.3);
    /// the lingering close still reads (and discards) the client's reply.
    /// </summary>
    private void Fail(int? code)
    {
        insideMessage = false;
        message.SetLength(0);
        endTcp = true;
        if (!options.DropsTcpOnError) SendClose(code, []);
    }

    private void SendClose(int? code, byte[] reason)
    {
        outgoing.Add(Encode(Opcodes.Close, ClosePayload.Build(code, reason), rsv: 0));
        closeSent = true;
    }

    private void Echo(byte[] frameBytes)
    {
        if (options.EchoDelay > TimeSpan.Zero)
        {
            delayedEchoes.Add(EchoLaterAsync(frameBytes));
        }
        else
        {
            outgoing.Add(frameBytes);
        }
    }

    private async Task EchoLaterAsync(byte[] frameBytes)
    {
        try
        {
            await Task.Delay(options.EchoDelay, stopping).ConfigureAwait(false);
            await writeLock.WaitAsync(stopping).ConfigureAwait(false);
            try
            {
                // A server does not send data after its close (§5.5.1), nor once the client's close has arrived.
                if (IsOpen) await stream.WriteAsync(frameBytes, stopping).ConfigureAwait(false);
            }
            finally
            {
                writeLock.Release();
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private byte[] Encode(int opcode, byte[] payload, int rsv)
    {
        var mask = options.MasksFrames ? ServerMaskKey : [];
        if (options.DataFrameLengthOctets == 0 || Opcodes.IsControl(opcode)) return FrameWriter.Encode(opcode, payload, fin: true, rsv, mask);

        // A deliberately non-minimal length: 126 + 16 bits or 127 + 64 bits, whatever the length (unmasked).
        var extended = options.DataFrameLengthOctets;
        var frame = new byte[2 + extended + payload.Length];
        frame[0] = (byte)(0x80 | (rsv << 4) | opcode);
        frame[1] = (byte)(extended == 2 ? 126 : 127);
        if (extended == 2) System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
        else System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)payload.Length);
        payload.CopyTo(frame, 2 + extended);
        return frame;
    }

    // ---- I/O ----------------------------------------------------------------------------------------

    private async Task<bool> ReadMoreAsync()
    {
        if (end == buffer.Length)
        {
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            else
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }

        var count = await stream.ReadAsync(buffer.AsMemory(end), stopping).ConfigureAwait(false);
        end += count;
        return count > 0;
    }

    private async Task FlushAsync()
    {
        if (outgoing.Count == 0) return;
        await writeLock.WaitAsync(stopping).ConfigureAwait(false);
        try
        {
            foreach (var bytes in outgoing) await stream.WriteAsync(bytes, stopping).ConfigureAwait(false);
        }
        finally
        {
            outgoing.Clear();
            writeLock.Release();
        }
    }

    private async Task WriteAsync(byte[] bytes)
    {
        await writeLock.WaitAsync(stopping).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(bytes, stopping).ConfigureAwait(false);
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Closes TCP the polite way: FIN after what was written, then read until the client closes too (so no RST loses data).</summary>
    private async Task CloseTcpAsync()
    {
        socket.Shutdown(SocketShutdown.Send);
        await DrainAsync(LingerTimeout).ConfigureAwait(false);
    }

    /// <summary>Reads and discards until the client closes, the timeout passes or the server stops.</summary>
    private async Task DrainAsync(TimeSpan timeout)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        if (timeout != Timeout.InfiniteTimeSpan) limit.CancelAfter(timeout);
        var scratch = new byte[4096];
        try
        {
            while (await stream.ReadAsync(scratch, limit.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // Linger timeout: give up on the client.
        }
    }
}
