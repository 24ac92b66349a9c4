namespace Autobahn.Testsuite.Fuzzing;

/// <summary>Octets read ("RO", <c>logRxOctets</c>) or written ("TO", <c>logTxOctets</c>), as one transport operation.</summary>
public sealed record OctetsLogEntry : WireLogEntry
{
    /// <summary>True for octets read from the peer, false for octets written.</summary>
    public required bool Received { get; init; }

    /// <summary>How many octets.</summary>
    public required int Length { get; init; }

    /// <summary>The octets as wstest logs them (hex, cut after a prefix).</summary>
    public required string Hex { get; init; }

    /// <summary>Whether the write went through wstest's send queue on its own (sync or chopped); false for reads.</summary>
    public bool Sync { get; init; }

    /// <inheritdoc/>
    public override string Kind => Received ? "RO" : "TO";

    /// <inheritdoc/>
    public override IReadOnlyList<object?> Values =>
        Received ? [new object?[] { Length, Hex }] : [new object?[] { Length, Hex }, Sync];
}
