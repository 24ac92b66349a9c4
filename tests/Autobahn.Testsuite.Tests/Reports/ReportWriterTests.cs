using System.Text.Json;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Reports;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Testsuite.Tests.Reports;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "autobahn-index-tests-" + Guid.NewGuid().ToString("N"));
    private readonly List<ReportWriter> writers = [];

    public void Dispose()
    {
        // A writer rewrites index.html on a timer up to a second after its last case; flushed, it has nothing left to
        // write, so the directory is not deleted while a write creates a file in it ("Directory not empty").
        foreach (var writer in writers) writer.Flush();
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    private ReportWriter NewWriter(string? agent = null)
    {
        var writer = new ReportWriter(directory) { Agent = agent };
        writers.Add(writer);
        return writer;
    }

    [Fact]
    public void Record_OneCase_WritesWstestIndexJson()
    {
        var writer = NewWriter();

        writer.Record(Result("2.2", "AutobahnServer", Behavior.Ok, Behavior.Ok, duration: 2, remoteCloseCode: 1000));

        Assert.Equal(
            """
            {
               "AutobahnServer": {
                  "2.2": {
                     "behavior": "OK",
                     "behaviorClose": "OK",
                     "duration": 2,
                     "remoteCloseCode": 1000,
                     "reportfile": "autobahnserver_case_2_2.json"
                  }
               }
            }
            """.ReplaceLineEndings("\n"),
            File.ReadAllText(writer.IndexPath));
    }

    [Fact]
    public void Record_SeveralAgentsAndCases_SortsAgentsAndIdsAsStrings()
    {
        var writer = NewWriter();

        writer.Record(Result("2.1", "b", Behavior.NonStrict, Behavior.WrongCode, remoteCloseCode: null));
        writer.Record(Result("10.1.1", "b", Behavior.Failed, Behavior.Unclean));
        writer.Record(Result("1.1.1", "a", Behavior.Informational, Behavior.FailedByClient));

        using var document = JsonDocument.Parse(File.ReadAllText(writer.IndexPath));
        Assert.Equal(["a", "b"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["10.1.1", "2.1"], document.RootElement.GetProperty("b").EnumerateObject().Select(p => p.Name));
        var row = document.RootElement.GetProperty("b").GetProperty("2.1");
        Assert.Equal("NON-STRICT", row.GetProperty("behavior").GetString());
        Assert.Equal("WRONG CODE", row.GetProperty("behaviorClose").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("remoteCloseCode").ValueKind);
        Assert.Equal("FAILED BY CLIENT", document.RootElement.GetProperty("a").GetProperty("1.1.1").GetProperty("behaviorClose").GetString());
    }

    [Fact]
    public void Record_SameCaseTwice_KeepsTheLatest()
    {
        var writer = NewWriter();

        writer.Record(Result("2.2", "a", Behavior.Failed, Behavior.Ok));
        writer.Record(Result("2.2", "a", Behavior.Ok, Behavior.Ok));

        using var document = JsonDocument.Parse(File.ReadAllText(writer.IndexPath));
        Assert.Equal("OK", document.RootElement.GetProperty("a").GetProperty("2.2").GetProperty("behavior").GetString());
    }

    [Fact]
    public void Record_AgentOverride_ReportsUnderOverride()
    {
        var writer = NewWriter("My Server");

        var agent = writer.Record(Result("2.2", "Kestrel", Behavior.Ok, Behavior.Ok));

        Assert.Equal("My Server", agent);
        using var document = JsonDocument.Parse(File.ReadAllText(writer.IndexPath));
        Assert.Equal("my_server_case_2_2.json", document.RootElement.GetProperty("My Server").GetProperty("2.2").GetProperty("reportfile").GetString());
    }

    [Fact]
    public void Record_ConnectFailed_RecordsNothing()
    {
        var writer = NewWriter();

        var agent = writer.Record(Result("1.1.1", "a", Behavior.Failed, Behavior.Failed, connectFailed: true));

        Assert.Null(agent);
        Assert.False(File.Exists(writer.IndexPath));
    }

    [Fact]
    public void Record_EveryWrite_LeavesValidJsonWithAllFinishedCases()
    {
        var writer = NewWriter();

        for (var i = 1; i <= 25; i++)
        {
            writer.Record(Result($"9.{i}", "a", Behavior.Ok, Behavior.Ok));

            using var document = JsonDocument.Parse(File.ReadAllText(writer.IndexPath));
            Assert.Equal(i, document.RootElement.GetProperty("a").EnumerateObject().Count());
        }

        // index.json, index.html and a JSON and an HTML file per case; no temporary file left behind.
        var files = Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2 + (2 * 25), files.Count);
        Assert.DoesNotContain(files, f => f!.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Contains("index.html", files);
        Assert.Contains("a_case_9_25.json", files);
        Assert.Contains("a_case_9_25.html", files);
    }

    [Fact]
    public async Task Record_ParallelWriters_LoseNoEntryAndReadersAlwaysSeeValidJson()
    {
        var writer = NewWriter();
        const int writers = 8;
        const int perWriter = 40;
        using var stop = new CancellationTokenSource();
        var invalidReads = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (!File.Exists(writer.IndexPath)) continue;
                try
                {
                    using var _ = JsonDocument.Parse(File.ReadAllText(writer.IndexPath));
                }
                catch (JsonException)
                {
                    Interlocked.Increment(ref invalidReads);
                }
                catch (IOException)
                {
                    // Windows: the file is being replaced; that is not a torn read.
                }
            }
        });

        await Task.WhenAll(Enumerable.Range(1, writers).Select(w => Task.Run(() =>
        {
            for (var i = 1; i <= perWriter; i++)
            {
                writer.Record(Result($"{w}.{i}", w % 2 == 0 ? "even" : "odd", Behavior.Ok, Behavior.Ok));
            }
        })));
        await stop.CancelAsync();
        await reader;

        Assert.Equal(0, invalidReads);
        using var document = JsonDocument.Parse(File.ReadAllText(writer.IndexPath));
        var ids = document.RootElement.EnumerateObject().SelectMany(a => a.Value.EnumerateObject().Select(c => c.Name)).ToHashSet();
        Assert.Equal(writers * perWriter, ids.Count);
    }

    private static CaseResult Result(
        string id,
        string agent,
        Behavior behavior,
        Behavior behaviorClose,
        int duration = 1,
        int? remoteCloseCode = 1000,
        bool connectFailed = false)
    {
        var caseId = CaseId.Parse(id);
        return new CaseResult
        {
            Id = caseId,
            Text = new CaseText { Id = id, Category = "Category", Group = "Group", Description = "Description", Expectation = "Expectation" },
            Index = 1,
            Agent = agent,
            Expected = [new CaseOutcome { Behavior = Behavior.Ok, Events = [] }],
            ExpectedClose = new ExpectedClose { ClosedByMe = true, CloseCodes = [1000], RequireClean = true },
            Transcript = new CaseTranscript
            {
                CaseId = caseId,
                Received = [],
                ConnectionWasOpen = !connectFailed,
                Closing = new ClosingBehavior { RemoteCloseCode = remoteCloseCode },
                DurationMilliseconds = duration,
                ConnectFailed = connectFailed,
                ConnectionFailure = connectFailed ? "Could not connect" : null,
            },
            Verdict = new CaseVerdict { Behavior = behavior, BehaviorClose = behaviorClose, Result = "result", ResultClose = "resultClose" },
        };
    }
}
