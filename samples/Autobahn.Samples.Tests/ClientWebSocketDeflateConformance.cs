using Autobahn.Samples.Client;
using Autobahn.Xunit;

namespace Autobahn.Samples.Tests;

/// <summary>
/// Sections 12 and 13 against <see cref="System.Net.WebSockets.ClientWebSocket"/> with
/// <c>DangerousDeflateOptions</c>, so every case negotiates permessage-deflate. Opt-in, since it takes minutes:
/// <c>AUTOBAHN_COMPRESSION=1 dotnet test samples/Autobahn.Samples.Tests --filter "FullyQualifiedName~ClientWebSocketDeflateConformance"</c>.
/// </summary>
public sealed class ClientWebSocketDeflateConformance
{
    [AutobahnTheory(SkipUnlessEnvironment = "AUTOBAHN_COMPRESSION")]
    [AutobahnCases("12.*", "13.*")]
    public Task Conforms(string caseId) =>
        AutobahnRunner.RunClientAsync(caseId, (url, token) => EchoClient.ConnectAndEchoAsync(url, deflate: true, token));
}
