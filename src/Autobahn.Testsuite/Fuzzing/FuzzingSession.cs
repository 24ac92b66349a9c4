using System.Collections.Concurrent;
using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Compression.DataSets;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// One case over one fresh connection, as wstest's <c>FuzzingClientProtocol</c> runs it on autobahn-python's
/// <c>WebSocketClientProtocol</c> with <c>failByDrop=False</c>. Everything runs on one logical thread (an event
/// loop fed by a channel), like Twisted's reactor: socket reads, timer expiries and queued writes are events,
/// so the state machine below is a line-by-line port without locks.
/// </summary>
/// <remarks>
/// Sources: autobahn-python v0.10.9 <c>websocket/protocol.py</c> (processDataHybi, onFrameBegin/Data/End,
/// processControlFrame, onCloseFrame, failConnection, sendFrame, sendData, sendCloseFrame, sendClose, the timeouts)
/// and autobahn-testsuite v0.8.2 <c>fuzzing.py</c> (wire log, statistics, continueLater/killAfter/closeAfter)
/// and <c>case/case.py</c> (finishWhenDone).
/// </remarks>
internal sealed class FuzzingSession
{
    private const int ReadBufferSize = 65536; // Twisted reads at most 64 KiB per dataReceived.
    private const int MaxHandshakeResponseLength = 64 * 1024;
    private const int MaxBufferedReads = 256;
    private const double CaseBudgetMarginSeconds = 5;
    private const int MaxRecordedEvents = 10_000;
    private const int MaxPendingWrites = 65_536;
    private const int CoalescedWriteLimit = 256 * 1024;

    private readonly CaseDefinition definition;
    private readonly Uri url;
    private readonly Func<CancellationToken, Task<Stream>> connect;
    private readonly FuzzingOptions options;
    private readonly TimeProvider time;
    private readonly Func<byte[]> newMaskKey;
    private readonly string handshakeKey;

    private readonly Channel<Action> loop = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<PendingWrite> writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleWriter = true }); // counts its items
    private readonly SemaphoreSlim readCredits = new(MaxBufferedReads);
    private readonly CancellationTokenSource sessionEnd = new();
    private readonly ConcurrentQueue<Action> expired = new();
    private readonly List<ITimer> timers = [];
    private readonly Stopwatch clock = new();

    // Receive side.
    private readonly ByteBuffer data = new();
    private readonly Utf8Validator utf8 = new();
    private Utf8ValidationResult utf8Last;
    private bool utf8ValidateCurrentMessage;
    private ReceivedFrame? currentFrame;
    private bool insideMessage;
    private bool messageIsBinary;
    private ByteBuffer? messageData;

    // permessage-deflate (RFC 7692), when the server accepted an offer (12.x/13.x).
    private PerMessageDeflateResponse? deflate;
    private DeflateEncoder? encoder;
    private DeflateDecoder? decoder;
    private bool messageCompressed;
    private readonly CompressionDataSet? compressionData;
    private MessageWindow? compressionWindow;
    private CompressedMessageCache.Sequence? compressedMessages;
    private byte[] lastCompressionMessage = [];

    // autobahn TrafficStats: data messages only, counted while OPEN (preopen: the handshake).
    private long outOctetsWire, outOctetsWebSocket, outOctetsApp, outFrames, outMessages, preopenOutOctets;
    private long inOctetsWire, inOctetsWebSocket, inOctetsApp, inFrames, inMessages, preopenInOctets;
    private TrafficStats? trafficStats;

    // Send side: wstest's queue for sync and chopped writes (protocol.py sendData/_send).
    private readonly Queue<(byte[] Data, bool Sync)> sendQueue = new();
    private bool sendTriggered;
    private long streamedFrameOffset;
    private byte[] streamedFrameMask = [];
    private int autoFragmentSize;

    // Protocol state and closing behaviour (protocol.py _connectionMade).
    private SessionState state = SessionState.Connecting;
    private bool closedByMe;
    private bool failedByMe;
    private bool droppedByMe;
    private bool wasClean;
    private string? wasNotCleanReason;
    private bool wasServerConnectionDropTimeout;
    private bool wasOpenHandshakeTimeout;
    private bool wasCloseHandshakeTimeout;
    private int? localCloseCode;
    private byte[]? localCloseReason;
    private int? remoteCloseCode;
    private string? remoteCloseReason;
    private ITimer? closeHandshakeTimer;
    private ITimer? serverDropTimer;
    private ITimer? openHandshakeTimer;

    // What the case observed (case.py received, fuzzing.py wirelog and stats).
    private readonly List<CaseEvent> received = [];
    private long recordedOctets;
    private readonly BoundedWireLog wireLog = new();
    private readonly Dictionary<int, int> rxOctetStats = [];
    private readonly Dictionary<int, int> txOctetStats = [];
    private readonly Dictionary<int, int> rxFrameStats = [];
    private readonly Dictionary<int, int> txFrameStats = [];
    private bool createWirelog = true;
    private Behavior? caseBehavior;
    private string? caseResult;
    private int roundTripsSent;
    private bool connectionWasOpen;
    private DateTimeOffset started;
    private TimeSpan caseStart;
    private TimeSpan caseEnd;
    private string httpRequest = "?";
    private string httpResponse = "?";
    private string? serverHeader;
    private string? connectionFailure;
    private bool connectFailed;

    private Stream? stream;
    private Task? writerTask;
    private bool gracefulDrop;

    public FuzzingSession(
        CaseDefinition definition,
        Uri url,
        Func<CancellationToken, Task<Stream>> connect,
        FuzzingOptions options,
        TimeProvider? time = null,
        Func<byte[]>? newMaskKey = null,
        string? handshakeKey = null)
    {
        this.definition = definition;
        this.url = url;
        this.connect = connect;
        this.options = options;
        this.time = time ?? TimeProvider.System;
        this.newMaskKey = newMaskKey ?? (() => RandomNumberGenerator.GetBytes(4));
        this.handshakeKey = handshakeKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

        // Loaded before connecting, so a missing CompressionDataFolder file fails the call, not the event loop.
        if (definition.Echo is CompressedRoundTripCheck check) compressionData = CompressionDataSets.Get(check.DataSetKey, options.CompressionDataFolder);
    }

    public async Task<CaseTranscript> RunAsync(CancellationToken cancellationToken)
    {
        // Like an expired timer, the cancellation goes before reads already queued (a flooding server queues many).
        using var cancellation = cancellationToken.Register(() =>
        {
            expired.Enqueue(() => Drop(abort: true));
            Post(static () => { });
        });
        clock.Start();
        try
        {
            stream = await connect(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or TimeoutException)
        {
            // A cancelled case is not an unreachable server (the xUnit adapter remembers those and fails later rows).
            cancellationToken.ThrowIfCancellationRequested();
            connectFailed = true;
            connectionFailure = $"Could not connect to {url}: {Describe(e)}.";
            state = SessionState.Closed;
            return Transcript();
        }

        writerTask = Task.Run(WriteLoopAsync, CancellationToken.None);
        _ = Task.Run(ReadLoopAsync, CancellationToken.None);
        Post(ConnectionMade);

        await foreach (var action in loop.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            // Expired timers go first, as Twisted's reactor runs its due timed calls on every turn before more reads:
            // behind up to MaxBufferedReads queued reads of a flooding server, killAfter and the closing timeouts
            // (and the case budget) would otherwise wait until all of them were processed.
            while (state != SessionState.Closed && expired.TryDequeue(out var due)) due();
            if (state != SessionState.Closed) action();
            if (state == SessionState.Closed) break;
        }

        await ShutdownAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Transcript();
    }

    // ---- connection lifecycle -------------------------------------------------------------------

    private void ConnectionMade()
    {
        started = time.GetUtcNow();
        Arm(CaseBudget(), OnCaseBudgetExceeded);
        openHandshakeTimer = Arm(options.Scale(options.OpenHandshakeTimeout), OnOpenHandshakeTimeout);
        httpRequest = HandshakeRequest.Build(url, handshakeKey, definition.DeflateOffers?.Select(o => o.ToExtensionString()).ToArray());
        SendData(Encoding.UTF8.GetBytes(httpRequest), sync: false, chopSize: null);
    }

    private void DataReceived(byte[] chunk)
    {
        readCredits.Release();
        if (state == SessionState.Closed) return;
        if (state == SessionState.Open) inOctetsWire += chunk.Length;
        else if (state == SessionState.Connecting) preopenInOctets += chunk.Length;
        LogRxOctets(chunk);
        data.Append(chunk);
        ConsumeData();
    }

    private void ConsumeData()
    {
        if (state is SessionState.Open or SessionState.Closing)
        {
            while (ProcessData() && state != SessionState.Closed)
            {
            }
        }
        else if (state == SessionState.Connecting)
        {
            ProcessHandshake();
        }
    }

    private void ProcessHandshake()
    {
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            if (data.Length > MaxHandshakeResponseLength)
            {
                FailHandshake($"the handshake response headers exceed {MaxHandshakeResponseLength} octets without an empty line");
            }

            return;
        }

        var head = data.Span[..(end + 4)];
        httpResponse = Encoding.UTF8.GetString(head);
        var response = HandshakeResponse.Parse(head);
        var failure = response.Validate(handshakeKey, definition.DeflateOffers is { Count: > 0 }, out var accepted);
        if (failure is not null)
        {
            FailHandshake(failure);
            return;
        }

        if (accepted is not null)
        {
            // PerMessageDeflate.createFromResponseAccept: compress with the server's client_max_window_bits (or 15).
            deflate = accepted;
            encoder = new DeflateEncoder(accepted.CompressWindowBits);
            decoder = new DeflateDecoder();
        }

        serverHeader = response.Headers.GetValueOrDefault("server");
        data.Consume(end + 4);
        state = SessionState.Open;
        openHandshakeTimer?.Dispose();
        insideMessage = false;
        currentFrame = null;
        OnOpen();
        if (data.Length > 0) ConsumeData();
    }

    private void FailHandshake(string reason)
    {
        wasNotCleanReason = reason;
        connectionFailure = $"The WebSocket opening handshake with {url} failed: {reason}.";
        Drop(abort: true);
    }

    private void OnOpen()
    {
        connectionWasOpen = true;
        caseStart = clock.Elapsed;
        if (definition.Echo is { } echo and not CompressedRoundTripCheck)
        {
            // Cases that judge themselves start out FAILED (case9_1_1.py, case9_7_X.py onOpen).
            caseBehavior = Behavior.Failed;
            caseResult = echo is RoundTripCheck
                ? $"Case did not finish within {echo.WaitSeconds} seconds."
                : $"Did not receive message within {echo.WaitSeconds} seconds.";
        }

        Run(definition.OnOpen);
    }

    /// <summary>autobahn <c>_connectionLost</c>: the TCP connection is gone; the case ends here.</summary>
    private void ConnectionLost()
    {
        if (state == SessionState.Closed && caseEnd != default) return;
        state = SessionState.Closed;
        caseEnd = clock.Elapsed;
        if (!wasClean && !droppedByMe && wasNotCleanReason is null)
        {
            wasNotCleanReason = "peer dropped the TCP connection without previous WebSocket closing handshake";
        }

        if (!connectionWasOpen && connectionFailure is null)
        {
            connectionFailure = wasOpenHandshakeTimeout
                ? $"The server at {url} did not complete the WebSocket opening handshake within {options.Scale(options.OpenHandshakeTimeout).TotalSeconds:0.###} s."
                : $"The server at {url} closed the connection during the WebSocket opening handshake.";
        }
    }

    /// <summary>autobahn <c>dropConnection</c>.</summary>
    private void Drop(bool abort)
    {
        if (state == SessionState.Closed) return;
        droppedByMe = true;
        gracefulDrop = !abort;
        ConnectionLost();
    }

    // ---- receive path: port of processDataHybi / onFrameBegin / onFrameData / onFrameEnd --------

    private bool ProcessData()
    {
        if (currentFrame is null)
        {
            if (!FrameHeaderParser.TryParseFirstTwoBytes(data.Span, out var fin, out var rsv, out var opcode, out var masked, out var lengthField))
            {
                return false;
            }

            // RFC 6455 §5.2: RSV bits MUST be 0 unless an extension defines them.
            // RFC 7692 §6: with permessage-deflate, RSV1 marks a compressed message.
            var compressed = deflate is not null && rsv == 4;
            if (rsv != 0 && !compressed) ProtocolViolation(FrameRules.RsvWithoutExtension(rsv));

            // RFC 6455 §5.1: a client MUST close the connection on a masked frame.
            if (masked) ProtocolViolation(FrameRules.MaskedServerFrame);

            if (Opcodes.IsControl(opcode))
            {
                // RFC 6455 §5.5.
                if (!fin) ProtocolViolation(FrameRules.FragmentedControlFrame);
                if (lengthField > FrameRules.MaxControlPayload) ProtocolViolation(FrameRules.ControlFrameTooLong);
                if (opcode is not (Opcodes.Close or Opcodes.Ping or Opcodes.Pong)) ProtocolViolation(FrameRules.ReservedControlOpcode(opcode));
                if (opcode == Opcodes.Close && lengthField == 1) ProtocolViolation(FrameRules.ClosePayloadLengthOne);
                if (compressed) ProtocolViolation(FrameRules.CompressedControlFrame); // RFC 7692 §6.1
            }
            else
            {
                if (opcode is not (Opcodes.Continuation or Opcodes.Text or Opcodes.Binary)) ProtocolViolation(FrameRules.ReservedDataOpcode(opcode));

                // RFC 6455 §5.4: fragments of one message are not interleaved with other data frames.
                if (!insideMessage && opcode == Opcodes.Continuation) ProtocolViolation(FrameRules.ContinuationOutsideMessage);
                if (insideMessage && opcode != Opcodes.Continuation) ProtocolViolation(FrameRules.DataFrameInsideMessage);
                if (compressed && insideMessage) ProtocolViolation(FrameRules.CompressedContinuation); // RFC 7692 §6.1
            }

            if (state == SessionState.Closed) return false;

            if (!FrameHeaderParser.TryParse(data.Span, out var header, out var rawLength)) return false;

            if (lengthField == 127 && FrameRules.IsLengthTooLarge(rawLength)) ProtocolViolation(FrameRules.LengthTooLarge);
            if (FrameRules.IsNonMinimalLength(lengthField, rawLength)) ProtocolViolation(FrameRules.NonMinimalLength);
            if (state == SessionState.Closed) return false;

            if (rawLength > (ulong)options.MaxFramePayloadLength)
            {
                // Not in wstest (it would try to buffer it): a bound so a hostile length cannot exhaust memory.
                FailByDrop($"the server announced a frame of {rawLength} octets, more than the fuzzer's limit of {options.MaxFramePayloadLength}");
                return false;
            }

            if (!Opcodes.IsControl(opcode) && !failedByMe && messageData is not null
                && (ulong)messageData.Length + rawLength > (ulong)options.MaxFramePayloadLength)
            {
                // The same bound on a fragmented message as a whole (autobahn's maxMessagePayloadSize check in
                // onMessageFrameBegin, which wstest leaves off): endless continuation frames must not exhaust memory.
                FailByDrop($"the server's fragmented message grew beyond the fuzzer's limit of {options.MaxFramePayloadLength} octets");
                return false;
            }

            data.Consume(header.HeaderLength);
            currentFrame = new ReceivedFrame(header);
            OnFrameBegin();
            return header.PayloadLength == 0 || data.Length > 0;
        }

        var frame = currentFrame;
        var rest = frame.Header.PayloadLength - frame.Received;
        var take = (int)Math.Min(rest, data.Length);
        var payload = data.Span[..take].ToArray();
        data.Consume(take);
        if (frame.Header.Masked && frame.Header.MaskKey is { } key && take > 0)
        {
            Masking.Apply(payload, key, frame.Received);
        }

        frame.Received += take;
        if (!OnFrameData(payload)) return false;
        if (state == SessionState.Closed) return false;
        if (frame.Received == frame.Header.PayloadLength)
        {
            OnFrameEnd();
        }

        return data.Length > 0;
    }

    private void OnFrameBegin()
    {
        var header = currentFrame!.Header;
        if (Opcodes.IsControl(header.Opcode)) return;
        if (!insideMessage)
        {
            insideMessage = true;
            messageCompressed = deflate is not null && header.Rsv == 4;
            if (messageCompressed) decoder!.StartMessage(resetContext: deflate!.ServerNoContextTakeover);
            if (header.Opcode == Opcodes.Text)
            {
                utf8.Reset();
                utf8ValidateCurrentMessage = true;
                utf8Last = new Utf8ValidationResult(true, true, 0, 0);
            }
            else
            {
                utf8ValidateCurrentMessage = false;
            }

            messageIsBinary = header.Opcode == Opcodes.Binary;
            messageData = new ByteBuffer();
        }
    }

    private bool OnFrameData(byte[] payload)
    {
        var frame = currentFrame!;
        if (Opcodes.IsControl(frame.Header.Opcode))
        {
            frame.Keep(payload, keepAll: true);
            return true;
        }

        var compressedLength = payload.Length;
        if (messageCompressed && !Inflate(payload, out payload)) return false;
        if (state == SessionState.Open)
        {
            inOctetsWebSocket += compressedLength;
            inOctetsApp += payload.Length;
        }

        frame.Keep(payload, keepAll: false);

        if (utf8ValidateCurrentMessage)
        {
            utf8Last = utf8.Validate(payload);
            if (!utf8Last.IsValid)
            {
                InvalidPayload(FrameRules.InvalidUtf8InText(utf8Last.TotalIndex));
                if (state == SessionState.Closed) return false;
            }
        }

        if (!failedByMe) messageData!.Append(payload);
        return true;
    }

    /// <summary>
    /// Decompresses one frame's payload (autobahn <c>decompressMessageData</c>). Invalid DEFLATE data or a message that
    /// inflates beyond <see cref="FuzzingOptions.MaxFramePayloadLength"/> ends the connection: autobahn would raise from
    /// zlib inside <c>dataReceived</c>, which makes Twisted drop the connection.
    /// </summary>
    private bool Inflate(byte[] compressed, out byte[] inflated)
    {
        var output = new ByteBuffer();
        try
        {
            decoder!.Decompress(compressed, span => output.Append(span));
        }
        catch (InvalidDataException e)
        {
            FailByDrop($"the server sent invalid permessage-deflate data ({e.Message})");
            inflated = [];
            return false;
        }

        if ((messageData?.Length ?? 0) + output.Length > options.MaxFramePayloadLength)
        {
            FailByDrop($"a compressed message from the server inflates beyond the fuzzer's limit of {options.MaxFramePayloadLength} octets");
            inflated = [];
            return false;
        }

        inflated = output.ToArray();
        return true;
    }

    /// <summary>The fuzzer gives up on the server at once: it drops TCP without a closing handshake and says why.</summary>
    private void FailByDrop(string reason)
    {
        wasNotCleanReason = reason;
        failedByMe = true;
        Drop(abort: true);
    }

    private void OnFrameEnd()
    {
        var frame = currentFrame!;
        var header = frame.Header;
        if (!Opcodes.IsControl(header.Opcode) && state == SessionState.Open) inFrames++;
        LogRxFrame(frame);
        if (Opcodes.IsControl(header.Opcode))
        {
            currentFrame = null;
            ProcessControlFrame(header.Opcode, frame.Kept);
            return;
        }

        if (header.Fin)
        {
            if (messageCompressed)
            {
                // endDecompressMessage: feed the stripped 00 00 ff ff (RFC 7692 §7.2.2); its output is discarded.
                try
                {
                    decoder!.EndMessage(static _ => { });
                }
                catch (InvalidDataException e)
                {
                    FailByDrop($"the server sent invalid permessage-deflate data ({e.Message})");
                    currentFrame = null;
                    return;
                }
            }

            if (utf8ValidateCurrentMessage && !utf8Last.EndsOnCodePoint)
            {
                InvalidPayload(FrameRules.Utf8EndsInsideCodePoint(utf8Last.TotalIndex));
                if (state == SessionState.Closed)
                {
                    currentFrame = null;
                    return;
                }
            }

            if (state == SessionState.Open) inMessages++;
            var message = messageData;
            messageData = null;
            insideMessage = false;
            currentFrame = null;
            if (!failedByMe && message is not null) OnMessage(message.ToArray(), messageIsBinary);
            return;
        }

        currentFrame = null;
    }

    private void ProcessControlFrame(int opcode, byte[] payload)
    {
        switch (opcode)
        {
            case Opcodes.Close:
                var (code, reason) = ClosePayload.Parse(payload);
                OnCloseFrame(code, reason);
                break;
            case Opcodes.Ping:
                // autobahn answers pings in state OPEN and does not record them (protocol.py onPing).
                if (state == SessionState.Open) SendFrame(Opcodes.Pong, payload, fin: true, rsv: 0, payloadLength: null, chopSize: null, sync: false);
                break;
            case Opcodes.Pong:
                OnPong(payload);
                break;
        }
    }

    private void OnCloseFrame(int? code, byte[]? reasonRaw)
    {
        remoteCloseCode = code;
        if (code is { } c && !CloseCodes.IsValidReceived(c))
        {
            ProtocolViolation(FrameRules.InvalidCloseCode(c));
            if (state == SessionState.Closed) return;
        }

        if (reasonRaw is null)
        {
            remoteCloseReason = null;
        }
        else
        {
            if (!Utf8Validator.IsValid(reasonRaw))
            {
                InvalidPayload(FrameRules.InvalidCloseReason);
                if (state == SessionState.Closed) return;
            }

            remoteCloseReason = Encoding.UTF8.GetString(reasonRaw);
        }

        if (state == SessionState.Closing)
        {
            // The reply to our close: the server should now drop TCP (RFC 6455 §7.1.1); give it serverConnectionDropTimeout.
            closeHandshakeTimer?.Dispose();
            closeHandshakeTimer = null;
            wasClean = true;
            serverDropTimer = Arm(options.Scale(options.ServerConnectionDropTimeout), OnServerConnectionDropTimeout);
        }
        else if (state == SessionState.Open)
        {
            // The server started the close: reply 1000 without a reason (echoCloseCodeReason=False) and wait for it to drop TCP.
            wasClean = true;
            SendCloseFrame(CloseCodes.Normal, null, isReply: true);
        }
    }

    // ---- case callbacks (case.py) ----------------------------------------------------------------

    private void OnMessage(byte[] payload, bool isBinary)
    {
        switch (definition.Echo)
        {
            case SingleEchoCheck single:
                OnSingleEcho(single, payload, isBinary);
                return;
            case RoundTripCheck roundTrip:
                OnRoundTripEcho(roundTrip, payload, isBinary);
                return;
            case CompressedRoundTripCheck compressed:
                OnCompressedEcho(compressed, payload, isBinary);
                return;
        }

        received.Add(CaseEvent.Message(payload, isBinary));
        FinishWhenDone();
    }

    /// <summary><c>case9_1_1.py</c> onMessage: the first echo decides (type and length only), then close.</summary>
    private void OnSingleEcho(SingleEchoCheck check, byte[] payload, bool isBinary)
    {
        var kind = check.IsBinary ? "binary" : "text";
        if (isBinary != check.IsBinary)
        {
            caseResult = check.IsBinary ? "Expected binary message with payload, but got text." : "Expected text message with payload, but got binary.";
        }
        else if (payload.Length != check.Length)
        {
            caseResult = $"Expected {kind} message with payload of length {check.Length}, but got {payload.Length}.";
        }
        else
        {
            caseBehavior = Behavior.Ok;
            caseResult = $"Received {kind} message of length {payload.Length}.";
        }

        createWirelog = true;
        SendClose(CloseCodes.Normal, null);
    }

    /// <summary><c>case9_7_X.py</c> onMessage: next message after each good echo; OK after the last.</summary>
    private void OnRoundTripEcho(RoundTripCheck check, byte[] payload, bool isBinary)
    {
        if (isBinary != check.IsBinary || payload.Length != check.Length)
        {
            caseBehavior = Behavior.Failed;
            caseResult = $"Echo'ed message type or length differs from what I sent (got binary = {Python(isBinary)}, payload length = {payload.Length}).";
            EnableWirelog(true);
            SendClose(CloseCodes.Normal, null);
        }
        else if (roundTripsSent < check.Count)
        {
            SendRoundTripMessage(check);
        }
        else
        {
            caseBehavior = Behavior.Ok;
            caseResult = "Ok, received all echo'ed messages in time.";
            EnableWirelog(true);
            SendClose(CloseCodes.Normal, null);
        }
    }

    /// <summary>
    /// <c>case12_x_x.py</c> onMessage: type, length (code points for text) and SHA-1 of each echo; the next window after a
    /// good echo, OK with the traffic statistics after the last. Equal bytes imply equal length and hash, so the hashes
    /// are only computed for the failure text.
    /// </summary>
    private void OnCompressedEcho(CompressedRoundTripCheck check, byte[] payload, bool isBinary)
    {
        string? mismatch = null;
        if (isBinary != check.IsBinary)
        {
            mismatch = $"Echo'ed message type differs from what I sent (got binary {Python(isBinary)}, expected binary {Python(check.IsBinary)}).";
        }
        else if (!payload.AsSpan().SequenceEqual(lastCompressionMessage))
        {
            var length = compressionWindow!.MeasureLength(payload);
            mismatch = length != check.Length
                ? $"Echo'ed message length differs from what I sent (got length {length}, expected length {check.Length})."
                : $"Echo'ed message contents differs from what I sent (got SHA1 {Convert.ToHexStringLower(SHA1.HashData(payload))}, expected SHA1 {Convert.ToHexStringLower(SHA1.HashData(lastCompressionMessage))}).";
        }

        if (mismatch is not null)
        {
            caseBehavior = Behavior.Failed;
            caseResult = mismatch;
            EnableWirelog(true);
            SendClose(CloseCodes.Normal, null);
        }
        else if (roundTripsSent < check.Count)
        {
            SendCompressionMessage();
        }
        else
        {
            caseBehavior = Behavior.Ok;
            caseResult = "Ok, received all echo'ed messages in time.";
            trafficStats = CurrentTrafficStats();
            EnableWirelog(true);
            SendClose(CloseCodes.Normal, null);
        }
    }

    /// <summary>A bool as Python prints it in wstest's result texts.</summary>
    private static string Python(bool value) => value ? "True" : "False";

    /// <summary><c>case12_x_x.py</c> sendOne: the next window of the data set, sent with <c>sendMessage</c> (compressed).</summary>
    private void SendCompressionMessage()
    {
        var message = compressionWindow!.Next();
        lastCompressionMessage = message;
        var precompressed = compressedMessages?.GetOrAdd(roundTripsSent, () => encoder!.CompressMessage(message, contextTakeover: false));
        SendMessage(message, ((CompressedRoundTripCheck)definition.Echo!).IsBinary, fragmentSize: null, precompressed);
        roundTripsSent++;
    }

    private void SendRoundTripMessage(RoundTripCheck check)
    {
        // sendFrame does not look at the state: a late echo after our close still sends the next message, as in wstest.
        SendFrame(check.IsBinary ? Opcodes.Binary : Opcodes.Text, check.Payload, fin: true, rsv: 0, payloadLength: check.Length, chopSize: null, sync: false);
        roundTripsSent++;
    }

    private void EnableWirelog(bool enable)
    {
        if (enable == createWirelog) return;
        createWirelog = enable;
        wireLog.Add(Entry("WLM", enable));
    }

    private void OnPong(byte[] payload)
    {
        received.Add(CaseEvent.Pong(payload));
        FinishWhenDone();
    }

    /// <summary><c>case.py</c> finishWhenDone: close once the received events equal every expected outcome.</summary>
    private void FinishWhenDone()
    {
        // Called after every recorded message or pong. Not in wstest, which keeps every event: a server that floods
        // the fuzzer with messages or pongs would grow the list for the whole case. No case expects more than a few
        // events of at most 256 KiB together, so a list this long has failed already; the fuzzer drops the connection.
        recordedOctets += received[^1].Payload.Length;
        if (received.Count > MaxRecordedEvents || recordedOctets > options.MaxFramePayloadLength)
        {
            FailByDrop($"the server sent more than {MaxRecordedEvents} messages and pongs or more than {options.MaxFramePayloadLength} octets in them; the fuzzer keeps no more");
            return;
        }

        foreach (var outcome in definition.Expected)
        {
            if (!outcome.Events.SequenceEqual(received)) return;
        }

        if (definition.ExpectedClose.ClosedByMe && !definition.SuppressClose)
        {
            SendClose(definition.ExpectedClose.CloseCodes[0], null);
        }
    }

    // ---- failing and closing (protocol.py) -------------------------------------------------------

    private void ProtocolViolation(string reason) => FailConnection(CloseCodes.ProtocolError, reason);

    private void InvalidPayload(string reason) => FailConnection(CloseCodes.InvalidPayload, reason);

    private void FailConnection(int code = CloseCodes.GoingAway, string reason = "Going Away")
    {
        if (state == SessionState.Closed) return;
        failedByMe = true;
        if (state != SessionState.Closing)
        {
            var reasonBytes = Encoding.UTF8.GetBytes(reason);
            SendCloseFrame(code, reasonBytes.AsSpan(0, Math.Min(reasonBytes.Length, 123)).ToArray(), isReply: false);
        }
        else
        {
            // A second failure during the closing handshake: drop TCP.
            Drop(abort: false);
        }
    }

    private void SendCloseFrame(int? code, byte[]? reason, bool isReply)
    {
        if (state != SessionState.Open) return;
        SendFrame(Opcodes.Close, ClosePayload.Build(code, reason ?? []), fin: true, rsv: 0, payloadLength: null, chopSize: null, sync: false);
        state = SessionState.Closing;
        closedByMe = !isReply;
        localCloseCode = code;
        localCloseReason = reason;
        if (closedByMe)
        {
            closeHandshakeTimer = Arm(options.Scale(options.CloseHandshakeTimeout), OnCloseHandshakeTimeout);
        }
    }

    /// <summary>autobahn <c>sendClose</c>: the public API accepts only 1000 and 3000–4999, and cuts long reasons.</summary>
    private void SendClose(int? code, string? reason)
    {
        if (code is { } c && !CloseCodes.IsAllowedForSendClose(c))
        {
            throw new InvalidOperationException($"invalid close code {c}");
        }

        byte[]? reasonBytes = null;
        if (reason is not null)
        {
            reasonBytes = Encoding.UTF8.GetBytes(reason);
            if (reasonBytes.Length + 2 > 125) reasonBytes = [.. reasonBytes.AsSpan(0, 120), .. "..."u8];
        }

        SendCloseFrame(code, reasonBytes, isReply: false);
    }

    /// <summary>
    /// The longest a case may take: every timer it can arm, chained, plus the protocol timeouts and a margin.
    /// wstest has no such bound and waits forever where no timer is left (semantics.md §14.12); we end the case instead.
    /// </summary>
    private TimeSpan CaseBudget()
    {
        static double Timers(IEnumerable<CaseStep> steps) => steps.Sum(step => step switch
        {
            KillAfter k => k.Seconds,
            CloseAfter c => c.Seconds,
            ContinueLater later => later.Seconds + Timers(later.Then),
            WhenCompressionNegotiated negotiated => Timers(negotiated.Then),
            _ => 0,
        });

        var seconds = Timers(definition.OnOpen) + options.OpenHandshakeTimeout.TotalSeconds + options.CloseHandshakeTimeout.TotalSeconds
            + options.ServerConnectionDropTimeout.TotalSeconds + CaseBudgetMarginSeconds;
        return options.Scale(seconds);
    }

    private void OnCaseBudgetExceeded()
    {
        if (state == SessionState.Closed) return;
        wasClean = false;
        wasNotCleanReason = $"the case did not end within {CaseBudget().TotalSeconds:0.###} s, so the fuzzer dropped the connection (wstest would wait for ever)";
        Drop(abort: true);
    }

    private void OnOpenHandshakeTimeout()
    {
        if (state != SessionState.Connecting) return;
        wasClean = false;
        wasNotCleanReason = "peer did not finish (in time) the opening handshake";
        wasOpenHandshakeTimeout = true;
        Drop(abort: true);
    }

    private void OnCloseHandshakeTimeout()
    {
        closeHandshakeTimer = null;
        if (state == SessionState.Closed) return;
        wasClean = false;
        wasNotCleanReason = "peer did not respond (in time) in closing handshake";
        wasCloseHandshakeTimeout = true;
        Drop(abort: true);
    }

    private void OnServerConnectionDropTimeout()
    {
        serverDropTimer = null;
        if (state == SessionState.Closed) return;
        wasClean = false;
        wasNotCleanReason = "server did not drop TCP connection (in time)";
        wasServerConnectionDropTimeout = true;
        Drop(abort: true);
    }

    // ---- case steps ------------------------------------------------------------------------------

    private void Run(IReadOnlyList<CaseStep> steps)
    {
        foreach (var step in steps)
        {
            if (state == SessionState.Closed) return;
            Run(step);
        }
    }

    private void Run(CaseStep step)
    {
        switch (step)
        {
            case SendFrame f:
                SendFrame(f.Opcode, f.Payload, f.Fin, f.Rsv, f.PayloadLength, f.ChopSize, f.Sync);
                break;
            case SendMessage m:
                SendMessage(m.Payload, m.IsBinary, m.FragmentSize);
                break;
            case SendClose c:
                SendClose(c.Code, c.Reason);
                break;
            case SendCloseFrame c:
                SendCloseFrame(c.Code, c.Reason, isReply: false);
                break;
            case BeginStreamedFrame b:
                BeginStreamedFrame(b.Length);
                break;
            case SendStreamedFrameData d:
                SendStreamedFrameData(d.Chunk);
                break;
            case EndStreamedMessage:
                if (state == SessionState.Open) SendFrame(Opcodes.Continuation, [], fin: true, rsv: 0, payloadLength: null, chopSize: null, sync: false);
                break;
            case ContinueLater later:
                ContinueLater(later);
                break;
            case KillAfter kill:
                wireLog.Add(Entry("KL", kill.Seconds));
                Arm(options.Scale(kill.Seconds), () =>
                {
                    if (state == SessionState.Closed) return;
                    wireLog.Add(Entry("KLE"));
                    FailConnection();
                });
                break;
            case CloseAfter close:
                wireLog.Add(Entry("TI", close.Seconds));
                Arm(options.Scale(close.Seconds), () =>
                {
                    if (state == SessionState.Closed) return;
                    wireLog.Add(Entry("TIE"));
                    SendClose(null, null);
                });
                break;
            case SetAutoFragmentSize size:
                autoFragmentSize = size.Size;
                break;
            case SetWirelog wirelog:
                if (wirelog.Logged) EnableWirelog(wirelog.Enabled);
                else createWirelog = wirelog.Enabled;
                break;
            case Cases.SendRoundTripMessage when definition.Echo is CompressedRoundTripCheck:
                SendCompressionMessage();
                break;
            case Cases.SendRoundTripMessage:
                SendRoundTripMessage((RoundTripCheck)definition.Echo!);
                break;
            case WhenCompressionNegotiated negotiated:
                WhenCompressionNegotiated(negotiated);
                break;
            default:
                throw new InvalidOperationException($"Unknown case step {step}.");
        }
    }

    /// <summary><c>case12_x_x.py</c> onOpen: UNIMPLEMENTED and close at once when the server declined permessage-deflate.</summary>
    private void WhenCompressionNegotiated(WhenCompressionNegotiated negotiated)
    {
        if (deflate is null)
        {
            caseBehavior = Behavior.Unimplemented;
            caseResult = null;
            SendClose(CloseCodes.Normal, null);
            return;
        }

        var check = (CompressedRoundTripCheck)definition.Echo!;
        caseBehavior = Behavior.Failed;
        caseResult = $"Case did not finish within {check.WaitSeconds} seconds.";
        compressionWindow = new MessageWindow(compressionData!, check.Length);
        if (deflate.ClientNoContextTakeover)
        {
            var identity = check.DataSetKey + "@" + (options.CompressionDataFolder ?? "generated");
            compressedMessages = CompressedMessageCache.Shared.For(identity, check.Length, deflate.CompressWindowBits, check.Count);
        }

        Run(negotiated.Then);
    }

    private void ContinueLater(ContinueLater later)
    {
        wireLog.Add(Entry("CT", later.Seconds, later.Tag));
        Arm(options.Scale(later.Seconds), () =>
        {
            if (state == SessionState.Closed) return;
            wireLog.Add(Entry("CTE", later.Tag));
            if (later.RecordTimeoutWhenOpen)
            {
                // case6_4_1.py part2/part3: go on only while the server has not failed the connection.
                if (state != SessionState.Open) return;
                received.Add(CaseEvent.Timeout(later.Tag ?? ""));
            }

            Run(later.Then);
        });
    }

    /// <summary>
    /// autobahn <c>sendMessageHybi</c>: compressed when permessage-deflate is in use (RSV1 on the first frame only,
    /// RFC 7692 §6), then fragmented at <paramref name="fragmentSize"/> or the auto-fragment size.
    /// Like autobahn it sends nothing unless OPEN; 12.x's sendOne still moves to the next window then.
    /// </summary>
    private void SendMessage(byte[] payload, bool isBinary, int? fragmentSize, byte[]? precompressed = null)
    {
        if (state != SessionState.Open) return;
        var opcode = isBinary ? Opcodes.Binary : Opcodes.Text;
        outMessages++;
        outOctetsApp += payload.Length;
        var rsv = 0;
        if (encoder is not null)
        {
            // startCompressMessage: a fresh compressor per message when the server asked for client_no_context_takeover.
            payload = precompressed ?? encoder.CompressMessage(payload, contextTakeover: !deflate!.ClientNoContextTakeover);
            rsv = 4;
        }

        outOctetsWebSocket += payload.Length;
        int? size = fragmentSize ?? (autoFragmentSize > 0 ? autoFragmentSize : null);
        if (size is null || payload.Length <= size)
        {
            SendFrame(opcode, payload, fin: true, rsv: rsv, payloadLength: null, chopSize: null, sync: false);
            return;
        }

        for (var i = 0; i < payload.Length; i += size.Value)
        {
            var end = Math.Min(i + size.Value, payload.Length);
            SendFrame(i == 0 ? opcode : Opcodes.Continuation, payload[i..end], fin: end == payload.Length, rsv: i == 0 ? rsv : 0, payloadLength: null, chopSize: null, sync: false);
        }
    }

    private void BeginStreamedFrame(long length)
    {
        if (state != SessionState.Open) return;
        streamedFrameMask = newMaskKey();
        streamedFrameOffset = 0;
        SendData(FrameWriter.EncodeHeader(Opcodes.Text, length, fin: false, rsv: 0, streamedFrameMask), sync: false, chopSize: null);
    }

    private void SendStreamedFrameData(byte[] chunk)
    {
        if (state != SessionState.Open) return;
        var masked = chunk.ToArray();
        Masking.Apply(masked, streamedFrameMask, streamedFrameOffset);
        streamedFrameOffset += chunk.Length;
        SendData(masked, sync: false, chopSize: null);
    }

    /// <summary>autobahn <c>sendFrame</c>: any frame, validated against nothing, always masked with a fresh key (client).</summary>
    private void SendFrame(int opcode, byte[] payload, bool fin, int rsv, long? payloadLength, int? chopSize, bool sync)
    {
        var body = payloadLength is { } length ? FrameWriter.RepeatPayload(payload, length) : payload;
        var mask = newMaskKey();
        var frame = FrameWriter.Encode(opcode, body, fin, rsv, mask);
        txFrameStats[opcode] = txFrameStats.GetValueOrDefault(opcode) + 1;
        if (!Opcodes.IsControl(opcode)) outFrames++;
        if (createWirelog)
        {
            wireLog.Add(Entry("TF", new object?[] { payload.Length, Display.Payload(payload) }, opcode, fin, rsv, Convert.ToHexStringLower(mask), payloadLength, chopSize, sync));
        }

        SendData(frame, sync, chopSize);
    }

    /// <summary>autobahn <c>sendData</c>: direct write, or through the queue (one write per reactor turn) when synced or chopped.</summary>
    private void SendData(byte[] bytes, bool sync, int? chopSize)
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
            Write(bytes, sync: false);
        }
    }

    private void TriggerSend()
    {
        if (sendTriggered) return;
        sendTriggered = true;
        SendQueued();
    }

    private void SendQueued()
    {
        if (sendQueue.Count == 0)
        {
            sendTriggered = false;
            return;
        }

        var (bytes, sync) = sendQueue.Dequeue();
        if (state != SessionState.Closed) Write(bytes, sync, separate: true);

        // Re-enter the loop so reads and timers interleave with queued writes, as Twisted's callLater(0.00001) does.
        Post(SendQueued);
    }

    /// <summary>
    /// Hands octets to the socket writer. <paramref name="separate"/> writes come from the send queue (sync and chopped
    /// data) and go out as their own write; other writes may share one, as Twisted's transport buffers every
    /// <c>write</c> of a reactor turn and sends them together.
    /// </summary>
    private void Write(byte[] bytes, bool sync, bool separate = false)
    {
        if (state == SessionState.Open) outOctetsWire += bytes.Length;
        else if (state == SessionState.Connecting) preopenOutOctets += bytes.Length;
        txOctetStats[bytes.Length] = txOctetStats.GetValueOrDefault(bytes.Length) + 1;
        if (createWirelog) wireLog.Add(Entry("TO", new object?[] { bytes.Length, Display.Hex(bytes) }, sync));
        writes.Writer.TryWrite(new PendingWrite(bytes, separate));
    }

    // ---- logging (fuzzing.py) ----------------------------------------------------------------

    private void LogRxOctets(byte[] chunk)
    {
        rxOctetStats[chunk.Length] = rxOctetStats.GetValueOrDefault(chunk.Length) + 1;
        if (createWirelog) wireLog.Add(Entry("RO", (object?)new object?[] { chunk.Length, Display.Hex(chunk) }));
    }

    private void LogRxFrame(ReceivedFrame frame)
    {
        var h = frame.Header;
        rxFrameStats[h.Opcode] = rxFrameStats.GetValueOrDefault(h.Opcode) + 1;
        if (createWirelog)
        {
            wireLog.Add(Entry("RF", new object?[] { (int)Math.Min(frame.Received, int.MaxValue), Display.Payload(frame.Kept) }, h.Opcode, h.Fin, h.Rsv, h.Masked, h.MaskKey is { } k ? Convert.ToHexStringLower(k) : null));
        }
    }

    private WireLogEntry Entry(string kind, params object?[] values) => new(kind, values) { AtMilliseconds = clock.Elapsed.TotalMilliseconds };

    // ---- plumbing: loop, timers, reader, writer ----------------------------------------------------

    private void Post(Action action) => loop.Writer.TryWrite(action);

    private ITimer Arm(TimeSpan delay, Action action)
    {
        // The loop runs expired timers before its next action; the posted no-op wakes it when it is idle.
        var timer = time.CreateTimer(_ =>
        {
            expired.Enqueue(action);
            Post(static () => { });
        }, null, delay, Timeout.InfiniteTimeSpan);
        timers.Add(timer);
        return timer;
    }

    private async Task ReadLoopAsync()
    {
        var token = sessionEnd.Token;

        // One buffer for every read; each event gets a copy of exactly what arrived.
        var buffer = new byte[ReadBufferSize];
        try
        {
            while (!token.IsCancellationRequested)
            {
                await readCredits.WaitAsync(token).ConfigureAwait(false);

                // A server that does not read what we send (our pongs to its pings pile up unsent) is not read either
                // until the backlog drains, as TCP flow control would have it: otherwise every ping it sends queues one
                // more pong for the whole case. No case queues nearly this many writes (9.x chops 1 MiB into 64 octets).
                while (writes.Reader.Count > MaxPendingWrites) await Task.Delay(10, token).ConfigureAwait(false);

                var count = await stream!.ReadAsync(buffer, token).ConfigureAwait(false);
                if (count == 0) break;
                var chunk = buffer[..count];
                Post(() => DataReceived(chunk));
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        Post(ConnectionLost);
    }

    private async Task WriteLoopAsync()
    {
        var token = sessionEnd.Token;
        var batch = new ArrayBufferWriter<byte>(CoalescedWriteLimit);
        try
        {
            while (await writes.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (writes.Reader.TryRead(out var write))
                {
                    if (write.Separate)
                    {
                        await FlushAsync(batch, token).ConfigureAwait(false);
                        await stream!.WriteAsync(write.Bytes, token).ConfigureAwait(false);
                        continue;
                    }

                    batch.Write(write.Bytes);
                    if (batch.WrittenCount >= CoalescedWriteLimit) await FlushAsync(batch, token).ConfigureAwait(false);
                }

                await FlushAsync(batch, token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A server that closed on us: Twisted drops such writes silently; the reader reports the loss.
        }
    }

    private async Task FlushAsync(ArrayBufferWriter<byte> batch, CancellationToken token)
    {
        if (batch.WrittenCount == 0) return;
        await stream!.WriteAsync(batch.WrittenMemory, token).ConfigureAwait(false);
        batch.ResetWrittenCount();
    }

    private readonly record struct PendingWrite(byte[] Bytes, bool Separate);

    private async Task ShutdownAsync()
    {
        foreach (var timer in timers) await timer.DisposeAsync().ConfigureAwait(false);
        writes.Writer.TryComplete();
        if (gracefulDrop && writerTask is not null)
        {
            // loseConnection: flush what is queued, then close.
            await Task.WhenAny(writerTask, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
        }

        await sessionEnd.CancelAsync().ConfigureAwait(false);
        decoder?.Dispose();
        if (stream is not null) await stream.DisposeAsync().ConfigureAwait(false);
        if (writerTask is not null) await writerTask.ConfigureAwait(false);
        loop.Writer.TryComplete();
    }

    private CaseTranscript Transcript() => new()
    {
        CaseId = definition.Id,
        Received = received.ToArray(),
        CaseBehavior = caseBehavior,
        CaseResult = caseResult,
        ConnectionWasOpen = connectionWasOpen,
        Closing = new ClosingBehavior
        {
            ClosedByMe = closedByMe,
            FailedByMe = failedByMe,
            DroppedByMe = droppedByMe,
            WasClean = wasClean,
            WasNotCleanReason = wasNotCleanReason,
            WasServerConnectionDropTimeout = wasServerConnectionDropTimeout,
            WasOpenHandshakeTimeout = wasOpenHandshakeTimeout,
            WasCloseHandshakeTimeout = wasCloseHandshakeTimeout,
            LocalCloseCode = localCloseCode,
            LocalCloseReason = localCloseReason is null ? null : Encoding.UTF8.GetString(localCloseReason),
            RemoteCloseCode = remoteCloseCode,
            RemoteCloseReason = remoteCloseReason,
        },
        Started = started,
        DurationMilliseconds = connectionWasOpen ? (int)Math.Round((caseEnd - caseStart).TotalMilliseconds) : 0,
        HttpRequest = httpRequest,
        HttpResponse = httpResponse,
        ServerHeader = serverHeader,
        ConnectionFailure = connectionFailure,
        ConnectFailed = connectFailed,
        WireLog = wireLog.ToArray(),
        RxOctetStats = new Dictionary<int, int>(rxOctetStats),
        TxOctetStats = new Dictionary<int, int>(txOctetStats),
        RxFrameStats = new Dictionary<int, int>(rxFrameStats),
        TxFrameStats = new Dictionary<int, int>(txFrameStats),
        TrafficStats = trafficStats,
        CreateWirelog = createWirelog,
    };

    private TrafficStats CurrentTrafficStats() => new()
    {
        OutgoingOctetsWireLevel = outOctetsWire,
        OutgoingOctetsWebSocketLevel = outOctetsWebSocket,
        OutgoingOctetsAppLevel = outOctetsApp,
        OutgoingWebSocketFrames = outFrames,
        OutgoingWebSocketMessages = outMessages,
        PreopenOutgoingOctetsWireLevel = preopenOutOctets,
        IncomingOctetsWireLevel = inOctetsWire,
        IncomingOctetsWebSocketLevel = inOctetsWebSocket,
        IncomingOctetsAppLevel = inOctetsApp,
        IncomingWebSocketFrames = inFrames,
        IncomingWebSocketMessages = inMessages,
        PreopenIncomingOctetsWireLevel = preopenInOctets,
    };

    private static string Describe(Exception e) => e switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused (is the server running?)",
        SocketException s => s.SocketErrorCode.ToString(),
        OperationCanceledException => "cancelled",
        _ => e.Message,
    };
}
