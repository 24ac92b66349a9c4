using Autobahn.Xunit;

namespace Autobahn.Samples.Tests;

/// <summary>
/// Sections 12 and 13 (permessage-deflate, 216 cases, about 11 GB of messages each way) against the sample echo app
/// with compression on, hosted by Kestrel in this process. Opt-in, since it takes minutes:
/// <c>AUTOBAHN_COMPRESSION=1 dotnet test samples/Autobahn.Samples.Tests --filter "FullyQualifiedName~InProcessKestrelCompressionConformance"</c>.
/// </summary>
public sealed class InProcessKestrelCompressionConformance(DeflateEchoServerFixture server) : IClassFixture<DeflateEchoServerFixture>
{
    [AutobahnTheory(SkipUnlessEnvironment = "AUTOBAHN_COMPRESSION")]
    [AutobahnCases("12.*", "13.*")]
    public Task Conforms(string caseId) => AutobahnRunner.RunAsync(caseId, server.Url);
}
