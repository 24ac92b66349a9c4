using Autobahn.Testsuite;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Wstest.Tool.Client;

/// <summary>What the run keeps of one case for one server: its result, its wall time and its outcome under the run's policy.</summary>
internal sealed record CaseRecord
{
    /// <summary>The agent the case is reported under.</summary>
    public required string Agent { get; init; }

    /// <summary>The case's id, e.g. "6.4.3".</summary>
    public required string CaseId { get; init; }

    /// <summary>The result; null when the case was not run (an earlier connect failed) or excluded.</summary>
    public CaseResult? Result { get; init; }

    /// <summary>Wall time of the case.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The outcome under the run's policy (<see cref="PassingVerdicts.Judge"/>).</summary>
    public required VerdictOutcome Outcome { get; init; }

    /// <summary>Why the case was not run or not judged (connect failure, exclusion), else null.</summary>
    public string? NotRunReason { get; init; }
}
