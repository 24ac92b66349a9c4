using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Testsuite;

/// <summary>One case run against one server: what happened and wstest's verdict on it.</summary>
public sealed record CaseResult
{
    /// <summary>The case id.</summary>
    public required CaseId Id { get; init; }

    /// <summary>wstest's texts for the case.</summary>
    public required CaseText Text { get; init; }

    /// <summary>1-based index of the case in wstest's full list of 517 (wstest's JSON field <c>case</c>).</summary>
    public required int Index { get; init; }

    /// <summary>The agent name under which the result is reported.</summary>
    public required string Agent { get; init; }

    /// <summary>The outcomes the case accepts.</summary>
    public required IReadOnlyList<CaseOutcome> Expected { get; init; }

    /// <summary>The closing behaviour the case expects.</summary>
    public required ExpectedClose ExpectedClose { get; init; }

    /// <summary>What the session observed.</summary>
    public required CaseTranscript Transcript { get; init; }

    /// <summary>wstest's verdict.</summary>
    public required CaseVerdict Verdict { get; init; }

    /// <summary>Shortcut for <c>Verdict.Behavior</c>.</summary>
    public Behavior Behavior => Verdict.Behavior;

    /// <summary>Shortcut for <c>Verdict.BehaviorClose</c>.</summary>
    public Behavior BehaviorClose => Verdict.BehaviorClose;
}
