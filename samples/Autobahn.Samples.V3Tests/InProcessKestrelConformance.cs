using Autobahn.Xunit;

namespace Autobahn.Samples.V3Tests;

/// <summary>Every Autobahn case against the sample echo app, hosted by Kestrel in this process.</summary>
public sealed class InProcessKestrelConformance(EchoServerFixture server) : IClassFixture<EchoServerFixture>
{
    [AutobahnTheory]
    [AutobahnCases("*")]
    public Task Conforms(string caseId) => AutobahnRunner.RunAsync(caseId, server.Url);
}
