using Autobahn.Samples.Client;
using Autobahn.Xunit;

namespace Autobahn.Samples.Tests;

/// <summary>
/// Every Autobahn case against a WebSocket <b>client</b>: .NET's <see cref="System.Net.WebSockets.ClientWebSocket"/>
/// (<see cref="EchoClient"/>) connects over loopback to the package's fuzzing server, as wstest's fuzzingserver tests
/// clients. It offers no permessage-deflate, so sections 12 and 13 are skipped as UNIMPLEMENTED.
/// </summary>
public sealed class ClientWebSocketConformance
{
    [AutobahnTheory]
    [AutobahnCases("*")]
    public Task Conforms(string caseId) => AutobahnRunner.RunClientAsync(caseId, EchoClient.ConnectAndEchoAsync);
}
