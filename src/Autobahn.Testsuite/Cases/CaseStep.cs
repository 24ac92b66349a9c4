namespace Autobahn.Testsuite.Cases;

/// <summary>
/// One action of a case script, run by the fuzzing session in order when the connection opens
/// (wstest's <c>onOpen</c>) or when a <see cref="ContinueLater"/> fires. Each step mirrors one call
/// a wstest case makes on its protocol (<c>autobahn/websocket/protocol.py</c>, <c>fuzzing.py</c>).
/// </summary>
internal abstract record CaseStep;

/// <summary>
/// <c>sendFrame</c>: one raw frame, nothing validated. <paramref name="PayloadLength"/> repeats
/// <paramref name="Payload"/> to that length (wstest's <c>payload_len</c>). <paramref name="ChopSize"/>
/// splits the frame's bytes into writes of that size; <paramref name="Sync"/> writes the frame on its own.
/// </summary>
internal sealed record SendFrame(
    int Opcode,
    byte[] Payload,
    bool Fin = true,
    int Rsv = 0,
    long? PayloadLength = null,
    int? ChopSize = null,
    bool Sync = false) : CaseStep;

/// <summary><c>sendMessage</c>: a whole message, fragmented at <paramref name="FragmentSize"/> or the session's auto-fragment size.</summary>
internal sealed record SendMessage(byte[] Payload, bool IsBinary, int? FragmentSize = null) : CaseStep;

/// <summary>
/// <c>sendClose</c> (the public API): code must be 1000 or 3000–4999 when given; starts the closing handshake.
/// </summary>
internal sealed record SendClose(int? Code = null, string? Reason = null) : CaseStep;

/// <summary>
/// <c>sendCloseFrame</c>: a close frame with any code and raw reason bytes; starts the closing handshake
/// like <see cref="SendClose"/> but without validation (7.3.x, 7.5.1, 7.7.x, 7.9.x, 7.13.x).
/// </summary>
internal sealed record SendCloseFrame(int? Code = null, byte[]? Reason = null) : CaseStep;

/// <summary><c>beginMessage</c> + <c>beginMessageFrame(length)</c>: a FIN=0 text frame header whose payload is streamed (6.4.3/6.4.4).</summary>
internal sealed record BeginStreamedFrame(long Length) : CaseStep;

/// <summary><c>sendMessageFrameData</c>: masked payload bytes of the streamed frame.</summary>
internal sealed record SendStreamedFrameData(byte[] Chunk) : CaseStep;

/// <summary><c>endMessage</c>: an empty continuation frame with FIN=1.</summary>
internal sealed record EndStreamedMessage : CaseStep;

/// <summary>
/// <c>continueLater(delay, fn, tag)</c>: after <paramref name="Seconds"/>, if the connection is not closed, run
/// <paramref name="Then"/>. With <paramref name="RecordTimeoutWhenOpen"/> (6.4.x, <c>case6_4_1.py</c>) the
/// continuation runs only if the state is still OPEN, and first records the event <c>("timeout", tag)</c>.
/// </summary>
internal sealed record ContinueLater(double Seconds, string? Tag, IReadOnlyList<CaseStep> Then, bool RecordTimeoutWhenOpen = false) : CaseStep;

/// <summary><c>killAfter(delay)</c>: fail the connection (close 1001 "Going Away", or drop if closing) unless closed by then.</summary>
internal sealed record KillAfter(double Seconds) : CaseStep;

/// <summary><c>closeAfter(delay)</c>: send a close frame without a status code unless closed by then.</summary>
internal sealed record CloseAfter(double Seconds) : CaseStep;

/// <summary>Sets the protocol's <c>autoFragmentSize</c> for later <see cref="SendMessage"/> steps (10.1.1).</summary>
internal sealed record SetAutoFragmentSize(int Size) : CaseStep;

/// <summary>
/// Turns the wire log on or off. 9.1–9.6 set <c>createWirelog</c> directly (<paramref name="Logged"/> false: no row);
/// 9.7/9.8 call <c>enableWirelog</c>, which writes a <c>WLM</c> row.
/// </summary>
internal sealed record SetWirelog(bool Enabled, bool Logged) : CaseStep;

/// <summary>
/// 9.7/9.8 and 12.x/13.x <c>sendOne</c>: sends the next round-trip message of the case's <see cref="RoundTripCheck"/>
/// or <see cref="CompressedRoundTripCheck"/>.
/// </summary>
internal sealed record SendRoundTripMessage : CaseStep;

/// <summary>
/// 12.x/13.x <c>onOpen</c>: when the server accepted permessage-deflate, runs <paramref name="Then"/>; otherwise the case is
/// UNIMPLEMENTED and the fuzzer closes with 1000 at once (<c>case12_x_x.py</c>).
/// </summary>
internal sealed record WhenCompressionNegotiated(IReadOnlyList<CaseStep> Then) : CaseStep;
