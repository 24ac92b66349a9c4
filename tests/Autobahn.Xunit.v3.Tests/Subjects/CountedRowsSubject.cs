using Autobahn.Samples.EchoServer;

namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>Two rows at the default degree that count how often their bodies ran.</summary>
internal sealed class CountedRowsSubject
{
    private static int ran;

    /// <summary>How many row bodies have run, in this process.</summary>
    public static int Ran => Volatile.Read(ref ran);

    [AutobahnTheory]
    [AutobahnCases("1.1.1", "1.1.2")]
    public Task Conforms(string caseId)
    {
        Interlocked.Increment(ref ran);
        return AutobahnRunner.RunAsync(caseId, EchoApp.EchoAsync);
    }
}
