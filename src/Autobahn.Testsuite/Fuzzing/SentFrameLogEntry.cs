namespace Autobahn.Testsuite.Fuzzing;

/// <summary>A frame the fuzzer sent ("TF", <c>logTxFrame</c>), with the arguments of wstest's <c>sendFrame</c>.</summary>
public sealed record SentFrameLogEntry : WireLogEntry
{
    /// <summary>Length of the payload given (before <see cref="PayloadLength"/> repeats it).</summary>
    public required int Length { get; init; }

    /// <summary>The payload as wstest logs it (text, or hex with a 0x prefix, cut after a prefix).</summary>
    public required string Payload { get; init; }

    /// <summary>The opcode.</summary>
    public required int Opcode { get; init; }

    /// <summary>The FIN bit.</summary>
    public required bool Fin { get; init; }

    /// <summary>RSV1–RSV3 as a number.</summary>
    public required int Rsv { get; init; }

    /// <summary>The masking key in hex; null for an unmasked frame (the fuzzer as server).</summary>
    public string? MaskKey { get; init; }

    /// <summary>wstest's <c>payload_len</c>: the payload repeated to this length, or null.</summary>
    public long? PayloadLength { get; init; }

    /// <summary>wstest's <c>chopsize</c>: the frame written in pieces of this size, or null.</summary>
    public int? ChopSize { get; init; }

    /// <summary>wstest's <c>sync</c>: the frame written on its own.</summary>
    public bool Sync { get; init; }

    /// <inheritdoc/>
    public override string Kind => "TF";

    /// <inheritdoc/>
    public override IReadOnlyList<object?> Values => [new object?[] { Length, Payload }, Opcode, Fin, Rsv, MaskKey, PayloadLength, ChopSize, Sync];
}
