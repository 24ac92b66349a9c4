namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>Sixteen rows, eight at a time, each against an echo that waits <see cref="CaseDelay"/> first.</summary>
internal sealed class SixteenSlowRowsSubject
{
    /// <summary>How long each row's echo waits before it echoes.</summary>
    public static readonly TimeSpan CaseDelay = TimeSpan.FromMilliseconds(500);

    [AutobahnTheory(Concurrency = 8)]
    [AutobahnCases("1.1.*", "1.2.*")]
    public Task Conforms(string caseId) => AutobahnRunner.RunAsync(caseId, DelayedEcho.After(CaseDelay));
}
