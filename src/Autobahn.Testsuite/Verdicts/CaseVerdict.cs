using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Verdicts;

/// <summary>wstest's judgement of a case: behavior and behaviorClose, with the texts it shows for them.</summary>
public sealed record CaseVerdict(Behavior Behavior, Behavior BehaviorClose, string Result, string ResultClose);
