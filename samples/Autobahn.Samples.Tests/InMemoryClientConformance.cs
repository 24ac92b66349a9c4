using Autobahn.Samples.Client;
using Autobahn.Xunit;

namespace Autobahn.Samples.Tests;

/// <summary>
/// Every Autobahn case against the sample's client loop (<see cref="EchoClient.EchoAsync"/>) in memory: no socket, the
/// handshake is done for it and it gets a client <see cref="System.Net.WebSockets.WebSocket"/> made by
/// <c>WebSocket.CreateFromStream</c>. Sections 12 and 13 are skipped as UNIMPLEMENTED unless the options offer
/// permessage-deflate (<c>InMemoryPermessageDeflate</c>).
/// </summary>
public sealed class InMemoryClientConformance
{
    [AutobahnTheory]
    [AutobahnCases("*")]
    public Task Conforms(string caseId) => AutobahnRunner.RunClientAsync(caseId, EchoClient.EchoAsync);
}
