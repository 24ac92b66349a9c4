using Autobahn.Samples.Client;
using Autobahn.Xunit;

namespace Autobahn.Samples.V3Tests;

/// <summary>
/// wstest's fuzzingserver cases against the sample's client loop (<see cref="EchoClient.EchoAsync"/>) in memory: no
/// socket, the handshake is done for it and it gets a client <see cref="System.Net.WebSockets.WebSocket"/>. The loop
/// offers no permessage-deflate, so 12.1.1 is skipped as UNIMPLEMENTED (xUnit v3's own skip, with the reason).
/// </summary>
public sealed class InMemoryClientConformance
{
    [AutobahnTheory]
    [AutobahnCases("*", Exclude = "9.*, 12.*, 13.*")]
    [AutobahnCases("12.1.1")]
    public Task Conforms(string caseId) => AutobahnRunner.RunClientAsync(caseId, EchoClient.EchoAsync);
}
