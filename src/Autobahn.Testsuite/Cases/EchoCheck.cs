namespace Autobahn.Testsuite.Cases;

/// <summary>
/// How a section 9 case judges the server's echoes itself (wstest's cases override <c>onMessage</c> and set
/// <c>behavior</c> directly; their <c>expected</c> is empty, so no events are recorded).
/// </summary>
internal abstract record EchoCheck(bool IsBinary, int WaitSeconds);

/// <summary>
/// 9.1–9.6 (<c>case9_1_1.py</c> … <c>case9_6_1.py</c>): the first echo decides — OK if its type and length match
/// (the content is not checked) — and the fuzzer then closes with 1000.
/// </summary>
internal sealed record SingleEchoCheck(bool IsBinary, long Length, int WaitSeconds) : EchoCheck(IsBinary, WaitSeconds);

/// <summary>
/// 9.7/9.8 (<c>case9_7_X.py</c>): <paramref name="Count"/> messages of <paramref name="Length"/> octets of
/// <paramref name="Payload"/>, each sent after the echo of the previous one; OK after the last echo, FAILED on the first
/// echo of the wrong type or length.
/// </summary>
internal sealed record RoundTripCheck(bool IsBinary, int Length, byte[] Payload, int Count, int WaitSeconds) : EchoCheck(IsBinary, WaitSeconds);

/// <summary>
/// 12.x/13.x (<c>case12_x_x.py</c>): <paramref name="Count"/> windows of <paramref name="Length"/> units (code points for
/// text, octets for binary) of the data set <paramref name="DataSetKey"/>, each sent compressed after the echo of the
/// previous one. An echo must match in type, length and SHA-1; OK after the last echo, FAILED at the first mismatch.
/// </summary>
internal sealed record CompressedRoundTripCheck(string DataSetKey, bool IsBinary, int Length, int Count, int WaitSeconds) : EchoCheck(IsBinary, WaitSeconds);
