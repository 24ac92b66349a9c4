using Autobahn.Samples.EchoServer;
using Autobahn.Xunit;

namespace Autobahn.Samples.Tests;

/// <summary>
/// Every Autobahn case against the sample's WebSocket handler (<see cref="EchoApp.EchoAsync"/>) in memory: no socket and
/// no web host, the handler gets a <see cref="System.Net.WebSockets.WebSocket"/> made by <c>WebSocket.CreateFromStream</c>.
/// </summary>
public sealed class InMemoryHandlerConformance
{
    [AutobahnTheory]
    [AutobahnCases("*")]
    public Task Conforms(string caseId) => AutobahnRunner.RunAsync(caseId, EchoApp.EchoAsync);
}
