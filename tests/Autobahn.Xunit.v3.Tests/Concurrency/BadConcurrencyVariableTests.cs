using Autobahn.Xunit.Sdk;
using Autobahn.Xunit.Tests.Sdk;
using Autobahn.Xunit.Tests.Subjects;

namespace Autobahn.Xunit.Tests.Concurrency;

/// <summary>A bad <c>AUTOBAHN_CONCURRENCY</c> fails every row of a theory with the reason, before any row runs its case.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class BadConcurrencyVariableTests
{
    [Fact]
    public async Task BadConcurrencyVariable_FailsEveryRowWithTheReason_AndRunsNoRow()
    {
        // The message ConcurrencyPolicy gives for the value, so that this test says which message, not how it is worded.
        var reason = Assert.Throws<ArgumentException>(() => ConcurrencyPolicy.Resolve(0, "lots", debuggerAttached: false, Environment.ProcessorCount)).Message;
        var ranBefore = CountedRowsSubject.Ran;
        var saved = Environment.GetEnvironmentVariable(ConcurrencyPolicy.EnvironmentVariable);
        RowReports run;
        Environment.SetEnvironmentVariable(ConcurrencyPolicy.EnvironmentVariable, "lots");
        try
        {
            run = await RowReportRun.RunAsync(typeof(CountedRowsSubject));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConcurrencyPolicy.EnvironmentVariable, saved);
        }

        Assert.Equal(2, run.Rows.Count);
        Assert.All(run.Rows.Values, r =>
        {
            Assert.Equal("Failed", r.Result);
            Assert.Equal(reason, r.Message);
        });
        Assert.Equal(ranBefore, CountedRowsSubject.Ran); // no row body ran
    }
}
