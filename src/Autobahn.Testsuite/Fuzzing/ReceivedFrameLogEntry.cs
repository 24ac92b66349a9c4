namespace Autobahn.Testsuite.Fuzzing;

/// <summary>A frame received from the peer ("RF", <c>logRxFrame</c>).</summary>
public sealed record ReceivedFrameLogEntry : WireLogEntry
{
    /// <summary>Payload octets received.</summary>
    public required int Length { get; init; }

    /// <summary>The payload as wstest logs it (text, or hex with a 0x prefix, cut after a prefix).</summary>
    public required string Payload { get; init; }

    /// <summary>The opcode.</summary>
    public required int Opcode { get; init; }

    /// <summary>The FIN bit.</summary>
    public required bool Fin { get; init; }

    /// <summary>RSV1–RSV3 as a number.</summary>
    public required int Rsv { get; init; }

    /// <summary>The MASK bit.</summary>
    public required bool Masked { get; init; }

    /// <summary>The masking key in hex, or null.</summary>
    public string? MaskKey { get; init; }

    /// <inheritdoc/>
    public override string Kind => "RF";

    /// <inheritdoc/>
    public override IReadOnlyList<object?> Values => [new object?[] { Length, Payload }, Opcode, Fin, Rsv, Masked, MaskKey];
}
