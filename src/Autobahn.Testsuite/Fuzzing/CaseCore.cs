using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Compression.DataSets;
using Autobahn.Testsuite.Driving;
using Autobahn.Testsuite.Fuzzing.Echo;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// One case over one connection, sans-I/O (in the style of python-websockets' <c>protocol.py</c>): octets, end of
/// stream, timer expiries, send-queue turns and cancellation go in; <see cref="CoreOutput"/>s (octets to send, timers
/// to arm or cancel, the transport to close) and, once closed, the <see cref="Transcript"/> come out. No stream, no
/// timer, no clock and no thread inside: the driver passes the time with every input and fires timers in due order.
/// </summary>
/// <remarks>
/// A port of autobahn-python v0.10.9 <c>websocket/protocol.py</c> (onOpen, onCloseFrame, failConnection, sendClose,
/// dropConnection, the timeouts) as wstest 0.8.2 runs it (<c>fuzzing.py</c>, <c>case/case.py</c>), with
/// <c>failByDrop=False</c>, in either <see cref="FuzzerRole"/>.
/// </remarks>
internal sealed class CaseCore : IDrivenConnection, IDisposable
{
    private readonly CaseDefinition definition;
    private readonly FuzzerRole role;
    private readonly Uri url;
    private readonly FuzzingOptions options;
    private readonly CompressionDataSet? compressionData;
    private readonly OpeningHandshake handshake;
    private readonly List<CoreOutput> outputs = [];
    private readonly CoreTimers timers;
    private readonly ClosingHandshake closingHandshake;
    private readonly ByteBuffer handshakeBuffer = new();
    private readonly ClosingState closing = new();
    private readonly WireRecorder recorder = new();
    private readonly TrafficCounter traffic = new();
    private readonly FrameSender sender;
    private readonly FrameReceiver receiver;
    private readonly CaseScript script;
    private readonly EchoJudge? judge;
    private readonly ReceivedEvents received;
    private int? openHandshakeTimer;

    private PerMessageDeflateResponse? deflate;
    private Behavior? caseBehavior;
    private string? caseResult;
    private TrafficStats? trafficStats;
    private bool connectionWasOpen;
    private DateTimeOffset started;
    private TimeSpan now;
    private TimeSpan caseStart;
    private TimeSpan? caseEnd;
    private string? connectionFailure;
    private bool connectFailed;
    private bool excluded;

    /// <summary>
    /// A case over one connection. <c>requiredHostPort</c> (server role): autobahn's <c>Host</c> port rule
    /// (<see cref="UpgradeRequest.Parse"/>); null accepts any port.
    /// </summary>
    public CaseCore(CaseDefinition definition, FuzzerRole role, Uri url, FuzzingOptions options, Func<byte[]> newMaskKey, string handshakeKey, int? requiredHostPort = null)
    {
        this.definition = definition;
        this.role = role;
        this.url = url;
        this.options = options;
        received = new ReceivedEvents(options.MaxFramePayloadLength);

        // Loaded before connecting, so a missing CompressionDataFolder file fails the call, not the connection.
        if (definition.Echo is CompressedRoundTripCheck check) compressionData = CompressionDataSets.Get(check.DataSetKey, options.CompressionDataFolder);
        judge = definition.Echo is { } echo ? EchoJudge.For(echo, compressionData) : null;
        handshake = role == FuzzerRole.Client
            ? new ClientOpeningHandshake(url, handshakeKey, definition.DeflateOffers?.Select(o => o.ToExtensionString()).ToArray(), options.Origin, options.Protocols)
            : new ServerOpeningHandshake(definition.ServerAccept, requiredHostPort);
        timers = new CoreTimers(outputs);
        sender = new FrameSender(role, newMaskKey, closing, recorder, traffic, outputs);
        closingHandshake = new ClosingHandshake(role, options, closing, sender, timers, abort => Drop(abort));
        receiver = new FrameReceiver(role, options.MaxFramePayloadLength, traffic);
        script = new CaseScript(this, options, timers, sender, closingHandshake, recorder, judge);
    }

    /// <summary>True once the connection is gone; the transcript is final.</summary>
    public bool IsClosed => closing.IsClosed;

    internal SessionState State => closing.State;

    /// <summary>The outputs asked for since the last call, in order.</summary>
    public CoreOutput[] TakeOutputs()
    {
        var taken = outputs.ToArray();
        outputs.Clear();
        return taken;
    }

    /// <summary>The transport could not be opened (client role), or the client never connected (server role): the case ends before it began.</summary>
    public void FailToConnect(string failure)
    {
        connectFailed = true;
        connectionFailure = ConnectionFailureText.NotConnected(role, url, failure);
        closing.State = SessionState.Closed;
    }

    /// <summary>autobahn <c>connectionMade</c>: the transport is open at <paramref name="startedAt"/>.</summary>
    public void Start(DateTimeOffset startedAt, TimeSpan at)
    {
        Tick(at);
        started = startedAt;
        timers.Arm(CaseScript.CaseBudget(definition, options), OnCaseBudgetExceeded);
        openHandshakeTimer = timers.Arm(options.Scale(options.OpenHandshakeTimeout), OnOpenHandshakeTimeout);
        if (handshake.Start() is { } request) sender.SendData(request, sync: false, chopSize: null);
    }

    /// <summary>autobahn <c>dataReceived</c>.</summary>
    public void ReceiveData(ReadOnlySpan<byte> chunk, TimeSpan at)
    {
        Tick(at);
        if (IsClosed) return;
        traffic.CountIncomingWire(closing.State, chunk.Length);
        recorder.RxOctets(chunk);
        if (closing.State == SessionState.Connecting)
        {
            handshakeBuffer.Append(chunk);
            ProcessHandshake();
        }
        else
        {
            receiver.Append(chunk);
            ProcessFrames();
        }
    }

    /// <summary>The peer closed the transport (or it broke).</summary>
    public void ReceiveEndOfStream(TimeSpan at)
    {
        Tick(at);
        ConnectionLost();
    }

    /// <summary>Timer <paramref name="token"/> expired; cancelled and unknown tokens are ignored.</summary>
    public void FireTimer(int token, TimeSpan at)
    {
        Tick(at);
        if (timers.Take(token) is { } onExpiry && !IsClosed) onExpiry();
    }

    /// <summary>The loop's turn for the next queued write (after <see cref="ContinueSendingLater"/>).</summary>
    public void ContinueSending(TimeSpan at)
    {
        Tick(at);
        sender.ContinueSending();
    }

    /// <summary>The case was cancelled: drop the connection at once.</summary>
    public void Cancel(TimeSpan at)
    {
        Tick(at);
        Drop(abort: true);
    }

    public CaseTranscript Transcript() => new()
    {
        CaseId = definition.Id,
        Received = received.ToArray(),
        CaseBehavior = caseBehavior,
        CaseResult = caseResult,
        ConnectionWasOpen = connectionWasOpen,
        Closing = closing.Snapshot(),
        Started = started,
        DurationMilliseconds = connectionWasOpen && caseEnd is { } end ? (int)Math.Round((end - caseStart).TotalMilliseconds) : 0,
        HttpRequest = handshake.HttpRequest,
        HttpResponse = handshake.HttpResponse,
        ServerHeader = handshake.ServerHeader,
        ConnectionFailure = connectionFailure,
        ConnectFailed = connectFailed,
        CaseBudgetExceeded = closing.WasCaseBudgetExceeded,
        IsServer = role == FuzzerRole.Server,
        WireLog = recorder.Rows(),
        RxOctetStats = recorder.RxOctetStats,
        TxOctetStats = recorder.TxOctetStats,
        RxFrameStats = recorder.RxFrameStats,
        TxFrameStats = recorder.TxFrameStats,
        TrafficStats = trafficStats,
        CreateWirelog = recorder.Enabled,
        Excluded = excluded,
    };

    public void Dispose() => receiver.Dispose();

    // ---- used by the case script ------------------------------------------------------------------

    internal void RecordTimeout(string tag) => received.AddTimeout(tag);

    /// <summary><c>case12_x_x.py</c> onOpen: UNIMPLEMENTED and close at once when the peer declined permessage-deflate.</summary>
    internal bool CompressionNegotiated()
    {
        if (deflate is null)
        {
            caseBehavior = Behavior.Unimplemented;
            caseResult = null;
            closingHandshake.SendClose(CloseCodes.Normal, null);
            return false;
        }

        caseBehavior = Behavior.Failed;
        caseResult = judge!.InitialResult;
        return true;
    }

    // ---- opening handshake -------------------------------------------------------------------------

    private void ProcessHandshake()
    {
        var outcome = handshake.Receive(handshakeBuffer.Span);
        if (outcome.Failure is { } failure)
        {
            if (outcome.Unclean) closing.WasNotCleanReason = failure;
            connectionFailure = ConnectionFailureText.HandshakeFailed(role, url, failure);

            // A server answers a bad request with its HTTP error, then closes (failHandshake: dropConnection(abort=False)).
            if (outcome.Reply is { } refusal) sender.SendData(refusal, sync: false, chopSize: null);
            Drop(abort: outcome.Reply is null);
            return;
        }

        if (!outcome.IsComplete) return;
        if (outcome.Reply is { } reply) sender.SendData(reply, sync: false, chopSize: null);
        if (outcome.Deflate is { } accepted)
        {
            deflate = accepted;
            PerMessageDeflateSetup.Enable(accepted, role, sender, receiver, judge, definition, options);
        }

        handshakeBuffer.Consume(outcome.Consumed);
        closing.State = SessionState.Open;
        timers.Cancel(ref openHandshakeTimer);
        OnOpen();
        if (handshakeBuffer.Length > 0 && !IsClosed)
        {
            receiver.Append(handshakeBuffer.Span);
            handshakeBuffer.Consume(handshakeBuffer.Length);
            ProcessFrames();
        }
    }

    private void OnOpen()
    {
        connectionWasOpen = true;
        if (options.ExcludeAfterHandshake is { } exclude && exclude(options.Agent ?? handshake.ServerHeader ?? "UnknownServer", definition.Id))
        {
            // fuzzing.py FuzzingProtocol.onOpen: "Skipping test case ... by test configuration!", then sendClose().
            excluded = true;
            closingHandshake.SendClose(null, null);
            return;
        }

        caseStart = now;
        if (judge is not null and not CompressedEchoJudge)
        {
            // Cases that judge themselves start out FAILED (case9_1_1.py, case9_7_X.py onOpen).
            caseBehavior = Behavior.Failed;
            caseResult = judge.InitialResult;
        }

        script.Run(definition.OnOpen);
    }

    // ---- receiving ---------------------------------------------------------------------------------

    private void ProcessFrames()
    {
        while (!IsClosed)
        {
            switch (receiver.Next(open: closing.State == SessionState.Open, failed: closing.FailedByMe))
            {
                case NeedMoreData:
                    return;
                case FrameViolation violation:
                    closingHandshake.FailConnection(violation.CloseCode, violation.Reason);
                    break;
                case DropRequired drop:
                    FailByDrop(drop.Reason);
                    break;
                case FrameCompleted frame:
                    recorder.RxFrame(frame.Header, frame.Received, frame.Kept);
                    break;
                case ControlFrameReceived control:
                    OnControlFrame(control.Opcode, control.Payload);
                    break;
                case MessageEnded { Payload: { } payload } message:
                    OnMessage(payload, message.IsBinary);
                    break;
            }
        }
    }

    private void OnControlFrame(int opcode, byte[] payload)
    {
        switch (opcode)
        {
            case Opcodes.Close:
                var (code, reason) = ClosePayload.Parse(payload);
                closingHandshake.OnCloseFrame(code, reason);
                break;
            case Opcodes.Ping:
                // autobahn answers pings in state OPEN and does not record them (protocol.py onPing).
                if (closing.State == SessionState.Open) sender.SendFrame(Opcodes.Pong, payload);
                break;
            case Opcodes.Pong:
                Record(CaseEvent.Pong(payload));
                break;
        }
    }

    private void OnMessage(byte[] payload, bool isBinary)
    {
        if (judge is null)
        {
            Record(CaseEvent.Message(payload, isBinary));
            return;
        }

        var decision = judge.Judge(payload, isBinary);
        if (decision.SendNext)
        {
            judge.SendNext(sender);
            return;
        }

        caseBehavior = decision.Behavior;
        caseResult = decision.Result;
        if (decision.CaptureTraffic) trafficStats = traffic.Snapshot();
        if (decision.LogWirelogChange) recorder.EnableLogged(true);
        else recorder.Enabled = true;
        closingHandshake.SendClose(CloseCodes.Normal, null);
    }

    /// <summary>Records a message or pong, then <c>case.py</c> finishWhenDone: close once the events equal an expected outcome.</summary>
    private void Record(CaseEvent caseEvent)
    {
        if (!received.TryAdd(caseEvent))
        {
            FailByDrop(received.OverflowReason(ConnectionFailureText.Peer(role)));
            return;
        }

        if (!received.MatchAll(definition.Expected)) return;
        if (definition.ExpectedClose.ClosedByMe && !definition.SuppressClose) closingHandshake.SendClose(definition.ExpectedClose.CloseCodes[0], null);
    }

    // ---- ending ------------------------------------------------------------------------------------

    /// <summary>The fuzzer gives up on the peer at once: it drops TCP without a closing handshake and says why.</summary>
    private void FailByDrop(string reason)
    {
        closing.WasNotCleanReason = reason;
        closing.FailedByMe = true;
        Drop(abort: true);
    }

    /// <summary>autobahn <c>dropConnection</c>.</summary>
    private void Drop(bool abort)
    {
        if (IsClosed) return;
        closing.DroppedByMe = true;
        outputs.Add(new CloseTransport(abort));
        ConnectionLost();
    }

    /// <summary>autobahn <c>_connectionLost</c>: the transport is gone; the case ends here.</summary>
    private void ConnectionLost()
    {
        if (caseEnd is not null) return;
        caseEnd = now;
        closing.ConnectionLost();
        timers.CancelAll();
        if (!connectionWasOpen && connectionFailure is null)
        {
            connectionFailure = ConnectionFailureText.HandshakeUnfinished(role, url, closing.WasOpenHandshakeTimeout, options.Scale(options.OpenHandshakeTimeout));
        }
    }

    private void OnCaseBudgetExceeded()
    {
        closing.CaseBudgetExceeded(CaseScript.CaseBudget(definition, options));
        Drop(abort: true);
    }

    private void OnOpenHandshakeTimeout()
    {
        if (closing.OpenHandshakeTimedOut()) Drop(abort: true);
    }

    private void Tick(TimeSpan at)
    {
        now = at;
        timers.Now = at;
        recorder.Now = at;
    }
}
