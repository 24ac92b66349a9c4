using Autobahn.Xunit;

namespace Autobahn.Samples.Tests;

/// <summary>
/// Every Autobahn case over <c>wss://</c> against the sample echo app, hosted by Kestrel in this process with HTTPS.
/// The fuzzer validates the server's certificate; the fixture's options trust the one it made for the run.
/// </summary>
public sealed class InProcessKestrelWssConformance(HttpsEchoServerFixture server) : IClassFixture<HttpsEchoServerFixture>
{
    [AutobahnTheory]
    [AutobahnCases("*")]
    public Task Conforms(string caseId) => AutobahnRunner.RunAsync(caseId, server.Url, server.Options);
}
