namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>
/// Sixteen rows, eight at a time, against a slow echo in memory; the row of <see cref="SlowCase"/> takes
/// <see cref="SlowRowDelay"/> on its own and then fails its case.
/// </summary>
internal sealed class OneSlowFailingRowSubject
{
    /// <summary>The slow, failing row.</summary>
    public const string SlowCase = "1.1.5";

    /// <summary>How long the echo of every other row waits before it echoes.</summary>
    public static readonly TimeSpan CaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the slow row takes before its case.</summary>
    public static readonly TimeSpan SlowRowDelay = TimeSpan.FromSeconds(6);

    [AutobahnTheory(Concurrency = 8)]
    [AutobahnCases("1.1.*", "1.2.*")]
    public async Task Conforms(string caseId)
    {
        if (caseId != SlowCase)
        {
            await AutobahnRunner.RunAsync(caseId, DelayedEcho.After(CaseDelay));
            return;
        }

        // The wait is the row's, not its handler's: the fuzzer keeps its own timers and ends a case without waiting for
        // the handler (which runs beside it), so a handler that waited 6 s would not make its row take 6 s.
        await Task.Delay(SlowRowDelay);
        await AutobahnRunner.RunAsync(caseId, DelayedEcho.DropsAsync);
    }
}
