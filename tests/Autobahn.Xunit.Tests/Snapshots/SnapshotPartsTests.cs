using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Verdicts;
using Autobahn.Xunit.Sdk;
using Autobahn.Xunit.Tests.Sdk;

namespace Autobahn.Xunit.Tests.Snapshots;

/// <summary>The pure parts of snapshots: file names, text, scrubbing, diff and settings.</summary>
public sealed class SnapshotPartsTests
{
    [Fact]
    public void FileNameFollowsVerifyConventions()
    {
        var source = Path.Combine(Path.GetTempPath(), "dir", "EchoTests.cs");
        var file = SnapshotFile.For(source, className: null, "Conforms", "6.4.3");

        Assert.Equal(Path.Combine(Path.GetTempPath(), "dir", "EchoTests.Conforms_caseId=6.4.3.verified.txt"), file.VerifiedPath);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "dir", "EchoTests.Conforms_caseId=6.4.3.received.txt"), file.ReceivedPath);
        Assert.EndsWith("Other.Conforms_caseId=6.4.3.verified.txt", SnapshotFile.For(source, "Other", "Conforms", "6.4.3").VerifiedPath, StringComparison.Ordinal);
    }

    [Fact]
    public void TextHasVerdictEventsAndClosingTable()
    {
        var text = SnapshotText.Render(Results.Case2_2());

        Assert.Equal(
            "case: 2.2\n" +
            "description: Send ping with small text payload.\n" +
            "behavior: OK\n" +
            "behaviorClose: OK\n" +
            "result: Received expected events.\n" +
            "resultClose: Connection was properly closed\n" +
            "events:\n" +
            "  pong(Hello)\n" +
            "closing:\n" +
            "  closedByMe: True\n" +
            "  failedByMe: False\n" +
            "  droppedByMe: True\n" +
            "  wasClean: True\n" +
            "  wasNotCleanReason: None\n" +
            "  wasServerConnectionDropTimeout: False\n" +
            "  wasOpenHandshakeTimeout: False\n" +
            "  wasCloseHandshakeTimeout: False\n" +
            "  localCloseCode: 1000\n" +
            "  localCloseReason: None\n" +
            "  remoteCloseCode: 1000\n" +
            "  remoteCloseReason: None\n",
            text);
    }

    [Theory]
    [InlineData(Behavior.Ok)]
    [InlineData(Behavior.NonStrict)]
    public void RacyCasesRenderTheSameForOkAndNonStrict(Behavior behavior)
    {
        var result = Results.Case2_2() with
        {
            Id = CaseId.Parse("3.2"),
            Verdict = new CaseVerdict
            {
                Behavior = behavior,
                BehaviorClose = Behavior.Ok,
                Result = behavior == Behavior.Ok ? "Received expected events." : "Actual events match at least one expected.",
                ResultClose = "Connection was properly closed",
            },
        };

        var text = SnapshotText.Render(result);

        Assert.Contains("behavior: " + SnapshotText.RacyBehavior + "\n", text, StringComparison.Ordinal);
        Assert.Contains("events:\n  " + SnapshotText.RacyEvents + "\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pong", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Received expected", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RacyCaseThatFailsDifferentlyIsNotMasked()
    {
        var result = Results.Case2_2(behavior: Behavior.Failed) with { Id = CaseId.Parse("3.2") };
        Assert.Contains("behavior: FAILED\n", SnapshotText.Render(result), StringComparison.Ordinal);
    }

    [Fact]
    public void ServerFailedCloseRendersTheSameWhetherItsCloseFrameWasReadOrNot()
    {
        var failFast = Results.Case2_2() with { Id = CaseId.Parse("3.1"), ExpectedClose = new ExpectedClose { ClosedByMe = false, CloseCodes = [1002], RequireClean = false } };
        var read = failFast with
        {
            Transcript = failFast.Transcript with
            {
                Closing = new ClosingBehavior { WasClean = true, LocalCloseCode = 1000, RemoteCloseCode = 1002 },
            },
        };
        var lost = failFast with
        {
            Transcript = failFast.Transcript with
            {
                Closing = new ClosingBehavior { WasNotCleanReason = SnapshotText.PeerDroppedReason },
            },
        };

        Assert.True(SnapshotText.IsRacyClose(read));
        Assert.True(SnapshotText.IsRacyClose(lost));
        Assert.Equal(SnapshotText.Render(read), SnapshotText.Render(lost));
        Assert.Contains("  wasClean: " + SnapshotText.RacyClose + "\n", SnapshotText.Render(read), StringComparison.Ordinal);

        var requireClean = read with { ExpectedClose = read.ExpectedClose with { RequireClean = true } };
        Assert.False(SnapshotText.IsRacyClose(requireClean));
        Assert.Contains("  remoteCloseCode: 1002\n", SnapshotText.Render(requireClean), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Could not connect to ws://127.0.0.1:41234/: refused.", "Could not connect to ws://{server}/: refused.")]
    [InlineData("peer 127.0.0.1:5000 went away", "peer {endpoint} went away")]
    [InlineData("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "Sec-WebSocket-Accept: {key}")]
    [InlineData("Date: Wed, 25 Nov 2026 14:56:40 GMT", "Date: {date}")]
    [InlineData("at 2026-11-25T14:56:40.123Z", "at {date}")]
    [InlineData("took 12.5 ms", "took {n} ms")]
    [InlineData("Received text message of length 65536.", "Received text message of length 65536.")]
    public void ScrubsWhatVaries(string text, string expected) => Assert.Equal(expected, SnapshotText.Scrub(text));

    [Fact]
    public void DiffShowsRemovedAndAddedLines()
    {
        var diff = SnapshotDiff.Format("a\nb\nc\n", "a\nx\nc\nd\n");
        Assert.Equal("-b\n+x\n+d\n", diff);
        Assert.Equal(string.Empty, SnapshotDiff.Format("a\r\nb\n", "a\nb\n"));
    }

    [Fact]
    public void DiffIsCappedAtTwentyLines()
    {
        var received = string.Concat(Enumerable.Range(0, 30).Select(i => $"line {i}\n"));
        var diff = SnapshotDiff.Format(string.Empty, received);
        Assert.Equal(21, diff.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("... (10 more differing lines)\n", diff, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null, false, false)]
    [InlineData("1", null, null, true, false)]
    [InlineData("true", null, null, true, false)]
    [InlineData("TRUE", null, null, true, false)]
    [InlineData("0", null, null, false, false)]
    [InlineData("1", "true", null, false, true)]
    [InlineData("1", null, "True", false, true)]
    public void SettingsNeverAcceptOnCi(string? accept, string? ci, string? githubActions, bool expectAccept, bool expectCi)
    {
        var variables = new Dictionary<string, string?> { ["AUTOBAHN_ACCEPT_SNAPSHOTS"] = accept, ["CI"] = ci, ["GITHUB_ACTIONS"] = githubActions };
        var settings = SnapshotSettings.From(name => variables.GetValueOrDefault(name));

        Assert.Equal(expectAccept, settings.Accept);
        Assert.Equal(expectCi, settings.IsCi);
        Assert.Equal(!expectCi, settings.LaunchDiffTool);
    }

    [Fact]
    public void DetectedBuildServerMeansCi()
    {
        var settings = SnapshotSettings.From(name => name == "AUTOBAHN_ACCEPT_SNAPSHOTS" ? "1" : null, buildServerDetected: true);
        Assert.True(settings.IsCi);
        Assert.False(settings.Accept);
        Assert.False(settings.LaunchDiffTool);
    }

    [Fact]
    public async Task MismatchOnCiDoesNotLaunchDiffToolAndSaysSo()
    {
        var directory = Directory.CreateTempSubdirectory("autobahn-snapshots-").FullName;
        try
        {
            var launched = false;
            var verifier = new SnapshotVerifier(new SnapshotSettings(Accept: false, IsCi: true, LaunchDiffTool: false), (_, _) => { launched = true; return Task.CompletedTask; });
            var file = SnapshotFile.For(Path.Combine(directory, "T.cs"), null, "M", "2.2");

            var mismatch = await Assert.ThrowsAsync<AutobahnSnapshotMismatchException>(() => verifier.VerifyAsync("case: 2.2\n", file, "2.2"));

            Assert.False(launched);
            Assert.Contains("never accepted", mismatch.Message, StringComparison.Ordinal);
            Assert.Equal("case: 2.2\n", await File.ReadAllTextAsync(file.ReceivedPath));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task LocalMismatchLaunchesDiffToolAndSurvivesItsFailure()
    {
        var directory = Directory.CreateTempSubdirectory("autobahn-snapshots-").FullName;
        try
        {
            var launched = 0;
            var verifier = new SnapshotVerifier(new SnapshotSettings(Accept: false, IsCi: false, LaunchDiffTool: true), (_, _) => { launched++; throw new InvalidOperationException("tool broke"); });
            var file = SnapshotFile.For(Path.Combine(directory, "T.cs"), null, "M", "2.2");

            await Assert.ThrowsAsync<AutobahnSnapshotMismatchException>(() => verifier.VerifyAsync("case: 2.2\n", file, "2.2"));

            Assert.Equal(1, launched);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
