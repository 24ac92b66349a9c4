namespace Autobahn.Testsuite.Fuzzing;

/// <summary>The wire log switched on or off ("WLM", <c>enableWirelog</c>); rows in between were not logged.</summary>
public sealed record WirelogSwitchLogEntry : WireLogEntry
{
    /// <summary>True when the log was switched on.</summary>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public override string Kind => "WLM";

    /// <inheritdoc/>
    public override IReadOnlyList<object?> Values => [Enabled];
}
