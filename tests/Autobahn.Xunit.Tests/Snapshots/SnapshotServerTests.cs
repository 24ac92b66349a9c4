using System.Text;
using Autobahn.Testsuite;
using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Snapshots;

/// <summary>The snapshot workflow end to end against real loopback servers, in a temporary "source" directory.</summary>
public sealed class SnapshotServerTests : IDisposable
{
    private static readonly SnapshotSettings Local = new(Accept: false, IsCi: false, LaunchDiffTool: false);
    private static readonly SnapshotSettings Accepting = new(Accept: true, IsCi: false, LaunchDiffTool: false);

    private readonly string directory = Directory.CreateTempSubdirectory("autobahn-snapshots-").FullName;
    private readonly CaseRunner runner = new(Fuzzer.RunCaseAsync, report: null);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task FirstRunWritesReceivedAndFails_CopyingAcceptsIt()
    {
        await using var server = await LoopbackEchoServer.StartAsync();
        var file = File("2.2");

        var mismatch = await Assert.ThrowsAsync<AutobahnSnapshotMismatchException>(() => VerifyAsync(Local, "2.2", server.Url, file));
        Assert.Contains("no accepted snapshot yet", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("AUTOBAHN_ACCEPT_SNAPSHOTS=1", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("+  pong(Hello, world!)", mismatch.Message, StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(file.ReceivedPath));
        Assert.False(System.IO.File.Exists(file.VerifiedPath));
        Assert.Equal(Path.Combine(directory, "SnapshotSample.Conforms_caseId=2.2.received.txt"), file.ReceivedPath);

        System.IO.File.Copy(file.ReceivedPath, file.VerifiedPath);
        await VerifyAsync(Local, "2.2", server.Url, file);
        Assert.False(System.IO.File.Exists(file.ReceivedPath), "a match removes the stale .received.txt");
    }

    [Fact]
    public async Task AcceptingWritesVerifiedAndPasses_NextRunPassesWithout()
    {
        await using var server = await LoopbackEchoServer.StartAsync();
        var file = File("1.1.1");

        await VerifyAsync(Accepting, "1.1.1", server.Url, file);
        Assert.True(System.IO.File.Exists(file.VerifiedPath));
        Assert.False(System.IO.File.Exists(file.ReceivedPath));

        await VerifyAsync(Local, "1.1.1", server.Url, file);
    }

    [Fact]
    public async Task ChangedServerBehaviourFailsWithDiff()
    {
        var file = File("1.1.1");
        await using (var server = await LoopbackEchoServer.StartAsync())
        {
            await VerifyAsync(Accepting, "1.1.1", server.Url, file);
        }

        await using var changed = await LoopbackEchoServer.StartAsync(closeReason: "changed");
        var mismatch = await Assert.ThrowsAsync<AutobahnSnapshotMismatchException>(() => VerifyAsync(Local, "1.1.1", changed.Url, file));

        Assert.Contains("differs from the accepted snapshot", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("\n-  remoteCloseReason: None\n", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("\n+  remoteCloseReason: changed\n", mismatch.Message, StringComparison.Ordinal);
        Assert.Equal(mismatch.ReceivedPath, file.ReceivedPath);
        Assert.Contains("remoteCloseReason: changed", await System.IO.File.ReadAllTextAsync(file.ReceivedPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.1.1")]
    [InlineData("2.2")]
    [InlineData("3.1")]
    [InlineData("3.2")]
    [InlineData("4.1.3")]
    [InlineData("5.6")]
    [InlineData("5.15")]
    [InlineData("7.1.1")]
    [InlineData("7.3.6")]
    public async Task TwoRunsAgainstTheSameServerAreByteIdentical(string caseId)
    {
        var file = File(caseId);
        var runs = new List<byte[]>();
        for (var run = 0; run < 2; run++)
        {
            // A fresh server each run: another port, other handshake keys and mask keys.
            await using var server = await LoopbackEchoServer.StartAsync();
            await Assert.ThrowsAsync<AutobahnSnapshotMismatchException>(() => VerifyAsync(Local, caseId, server.Url, file));
            runs.Add(await System.IO.File.ReadAllBytesAsync(file.ReceivedPath));
        }

        string first = Encoding.UTF8.GetString(runs[0]), second = Encoding.UTF8.GetString(runs[1]);
        Assert.True(first == second, $"run 1:\n{first}\nrun 2:\n{second}");
        Assert.Equal(runs[0], runs[1]);
        var text = Encoding.UTF8.GetString(runs[0]);
        Assert.DoesNotContain('\r', text);
        Assert.NotEqual(0xEF, runs[0][0]);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.StartsWith($"case: {caseId}\n", text, StringComparison.Ordinal);
    }

    private SnapshotFile File(string caseId) => SnapshotFile.For(Path.Combine(directory, "SnapshotSample.cs"), className: null, "Conforms", caseId);

    private Task<CaseResult> VerifyAsync(SnapshotSettings settings, string caseId, Uri url, SnapshotFile file) =>
        AutobahnRunner.VerifyAsync(runner, new SnapshotVerifier(settings, (_, _) => throw new InvalidOperationException("no diff tool in tests")), caseId, url, options: null, row: null, file, CancellationToken.None);
}
