namespace Autobahn.Testsuite.Fuzzing;

/// <summary>A case timer armed or expired (<c>fuzzing.py</c> continueLater "CT"/"CTE", killAfter "KL"/"KLE", closeAfter "TI"/"TIE").</summary>
public sealed record CaseTimerLogEntry : WireLogEntry
{
    /// <summary>Which timer.</summary>
    public required CaseTimer Timer { get; init; }

    /// <summary>True when it expired, false when it was armed.</summary>
    public required bool Expired { get; init; }

    /// <summary>Its delay in seconds (logged when armed).</summary>
    public double Seconds { get; init; }

    /// <summary>The continueLater tag, if any.</summary>
    public string? Tag { get; init; }

    /// <inheritdoc/>
    public override string Kind => (Timer, Expired) switch
    {
        (CaseTimer.ContinueLater, false) => "CT",
        (CaseTimer.ContinueLater, true) => "CTE",
        (CaseTimer.KillAfter, false) => "KL",
        (CaseTimer.KillAfter, true) => "KLE",
        (CaseTimer.CloseAfter, false) => "TI",
        _ => "TIE",
    };

    /// <inheritdoc/>
    public override IReadOnlyList<object?> Values => (Timer, Expired) switch
    {
        (CaseTimer.ContinueLater, false) => [Seconds, Tag],
        (CaseTimer.ContinueLater, true) => [Tag],
        (_, false) => [Seconds],
        _ => [],
    };
}
