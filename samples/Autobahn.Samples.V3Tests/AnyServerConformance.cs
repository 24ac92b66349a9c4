using Autobahn.Xunit;

namespace Autobahn.Samples.V3Tests;

/// <summary>
/// Every Autobahn case against any WebSocket server, in any language, given by URL:
/// <c>AUTOBAHN_SERVER_URL=ws://127.0.0.1:9001/ dotnet test --filter "FullyQualifiedName~AnyServerConformance"</c>, or
/// <c>dotnet run -- -class Autobahn.Samples.V3Tests.AnyServerConformance</c>. Without the variable every row is skipped.
/// </summary>
public sealed class AnyServerConformance
{
    private const string ServerUrlVariable = "AUTOBAHN_SERVER_URL";

    [AutobahnTheory(SkipUnlessEnvironment = ServerUrlVariable)]
    [AutobahnCases("*")]
    public Task Conforms(string caseId) =>
        AutobahnRunner.RunAsync(caseId, Environment.GetEnvironmentVariable(ServerUrlVariable)!);
}
