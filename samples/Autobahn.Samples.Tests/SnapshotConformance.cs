using Autobahn.Xunit;

namespace Autobahn.Samples.Tests;

/// <summary>
/// Sections 1 and 2 against the sample echo app, each row also compared with its accepted snapshot
/// (<c>SnapshotConformance.Conforms_caseId=….verified.txt</c> beside this file). A first run, or any change in what
/// the server does, fails with a diff and writes <c>….received.txt</c>; accept with <c>AUTOBAHN_ACCEPT_SNAPSHOTS=1</c>.
/// </summary>
public sealed class SnapshotConformance(EchoServerFixture server) : IClassFixture<EchoServerFixture>
{
    [AutobahnTheory]
    [AutobahnCases("1.*", "2.*")]
    public Task Conforms(string caseId) => AutobahnRunner.VerifyAsync(caseId, server.Url);
}
