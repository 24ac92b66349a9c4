using Autobahn.Samples.HttpListener;
using Autobahn.Testsuite.Cases;
using Autobahn.Xunit;

namespace Autobahn.Samples.Tests.HttpListener;

/// <summary>
/// Every Autobahn case against a <see cref="System.Net.HttpListener"/> echo server in this process
/// (<see cref="HttpListenerEchoServer"/>, http://127.0.0.1:{free port}/; no ASP.NET Core). Besides the usual verdict
/// policy, each row checks that the verdict is the one wstest 0.8.2 gives the same server (table
/// <c>shared/autobahn/wstest-results/httplistener.tsv</c>): every case OK except those in <see cref="WstestVerdicts"/>.
/// No case is excluded: HttpListener fails none. Sections 12 and 13 are UNIMPLEMENTED (HttpListener has no
/// permessage-deflate): the rows show as skipped with that reason.
/// </summary>
public sealed class HttpListenerConformance(HttpListenerEchoServer server) : IClassFixture<HttpListenerEchoServer>
{
    /// <summary>wstest's verdicts for HttpListener that are not OK (behavior; behaviorClose is the same or OK).</summary>
    public static readonly IReadOnlyDictionary<string, Behavior> WstestVerdicts = new Dictionary<string, Behavior>
    {
        // The echo loop sends each fragment back as it arrives, so the valid fragments before the invalid UTF-8 are
        // echoed before the server fails the connection with 1007: allowed, but not strict.
        ["6.4.3"] = Behavior.NonStrict,
        ["6.4.4"] = Behavior.NonStrict,

        // Close codes and reasons wstest only reports.
        ["7.1.6"] = Behavior.Informational,
        ["7.13.1"] = Behavior.Informational,
        ["7.13.2"] = Behavior.Informational,
    };

    [AutobahnTheory]
    [AutobahnCases("*")]
    public async Task Conforms(string caseId)
    {
        var result = await AutobahnRunner.RunAsync(caseId, server.Url);

        var expected = caseId.StartsWith("12.", StringComparison.Ordinal) || caseId.StartsWith("13.", StringComparison.Ordinal)
            ? Behavior.Unimplemented
            : WstestVerdicts.GetValueOrDefault(caseId, Behavior.Ok);
        Assert.Equal(expected, result.Behavior);
    }
}
