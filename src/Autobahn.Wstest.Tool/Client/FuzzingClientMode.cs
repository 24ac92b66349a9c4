using System.Diagnostics;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Verdicts;
using Autobahn.Wstest.Tool.Cli;
using Autobahn.Wstest.Tool.Specs;

namespace Autobahn.Wstest.Tool.Client;

/// <summary>
/// <c>wstest -m fuzzingclient</c>: runs the spec's cases against each of its servers in turn (<c>ATS fuzzing.py</c>
/// <c>FuzzingClientFactory</c>), writes wstest's reports to the spec's <c>outdir</c> (<see cref="ReportWriter"/>), and,
/// unlike wstest, judges the run: the exit status is 1 when a case fails under the xUnit rows' policy
/// (<see cref="PassingVerdicts"/>, made stricter by <c>--fail-on</c>) or a server cannot be reached.
/// </summary>
internal sealed class FuzzingClientMode
{
    private readonly ToolArguments arguments;
    private readonly TextWriter output;
    private readonly TextWriter error;
    private readonly bool live;

    /// <summary>Creates the mode; <paramref name="live"/> chooses the live progress line over plain lines.</summary>
    public FuzzingClientMode(ToolArguments arguments, TextWriter output, TextWriter error, bool live)
    {
        this.arguments = arguments;
        this.output = output;
        this.error = error;
        this.live = live;
    }

    /// <summary>Loads the spec, runs it, and returns the exit status.</summary>
    /// <exception cref="UsageException">The spec is missing or not valid.</exception>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var json = SpecFile.Load("fuzzingclient", arguments.Spec, output);
        var spec = FuzzingClientSpec.Read(json, arguments.WsUri, FuzzingOptions.Default with { CompressionDataFolder = arguments.DataFolder });
        foreach (var warning in spec.Warnings) error.WriteLine("wstest: warning: " + warning);
        foreach (var unused in arguments.UnusedOptions) error.WriteLine($"wstest: warning: {unused} is not used by -m fuzzingclient");

        var reports = new ReportWriter(spec.Outdir);
        output.WriteLine($"Autobahn.Wstest.Tool (wstest 0.8.2's fuzzingclient in C#): will run {spec.Cases.Count} test cases against {spec.Servers.Count} servers"
            + (arguments.Parallel > 1 ? $", up to {arguments.Parallel} side by side" : string.Empty));
        output.WriteLine($"Servers = [{string.Join(", ", spec.Servers.Select(s => "'" + s.Url + "'"))}]");

        var progress = new ProgressWriter(output, live, arguments.Debug, spec.Cases.Count * spec.Servers.Count);
        var records = new List<CaseRecord>();
        var started = DateTimeOffset.UtcNow;
        var wall = Stopwatch.StartNew();
        foreach (var server in spec.Servers)
        {
            if (cancellationToken.IsCancellationRequested) break;
            await RunServerAsync(spec, server, reports, progress, records, cancellationToken).ConfigureAwait(false);
        }

        progress.Complete();
        reports.Flush();
        if (arguments.JUnit is { } junit) JUnitWriter.Write(junit, records, started);
        RunSummary.Write(output, records, wall.Elapsed, reports.Directory, arguments.JUnit is null ? null : Path.GetFullPath(arguments.JUnit));

        if (cancellationToken.IsCancellationRequested) return ExitCodes.Interrupted;
        var failed = records.Any(r => r.Outcome == VerdictOutcome.Fail);
        return failed && !arguments.ExitZero ? ExitCodes.CasesFailed : ExitCodes.Success;
    }

    private async Task RunServerAsync(
        FuzzingClientSpec spec, ServerEntry server, ReportWriter reports, ProgressWriter progress, List<CaseRecord> records, CancellationToken cancellationToken)
    {
        string? connectFailure = null;
        var processed = new HashSet<Autobahn.Testsuite.Cases.CaseId>();
        await OrderedCaseRunner.RunAsync(
            spec.Cases,
            arguments.Parallel,
            (id, token) => Fuzzer.RunCaseAsync(id.Text, server.Url, server.Options, token),
            (result, elapsed) =>
            {
                // Cases already running when the connect failed are handed over too: they are not counted as run.
                if (connectFailure is not null) return false;
                if (result.Transcript.ConnectFailed)
                {
                    // fuzzing.py clientConnectionFailed: the rest of this server is skipped; nothing is recorded.
                    connectFailure = result.Transcript.ConnectionFailure ?? $"Could not connect to {server.Url}.";
                    progress.Message($"Connection to {server.Url} failed ({connectFailure})");
                    return false;
                }

                processed.Add(result.Id);
                if (result.Transcript.Excluded)
                {
                    progress.Message($"Skipping test case {result.Id.Text} for agent {result.Agent} by test configuration!");
                    progress.CaseNotRun();
                    records.Add(new CaseRecord { Agent = result.Agent, CaseId = result.Id.Text, Elapsed = elapsed, Outcome = VerdictOutcome.Skip, NotRunReason = "excluded by \"exclude-agent-cases\"" });
                    return true;
                }

                reports.Record(result);
                var record = new CaseRecord
                {
                    Agent = result.Agent,
                    CaseId = result.Id.Text,
                    Result = result,
                    Elapsed = elapsed,
                    Outcome = PassingVerdicts.Judge(result.Behavior, result.BehaviorClose, arguments.FailOn),
                };
                records.Add(record);
                progress.CaseFinished(record, result);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

        if (connectFailure is not null)
        {
            // The cases not run still count: one error for the server, so CI shows why nothing ran.
            var agent = server.DisplayName;
            foreach (var id in spec.Cases.Where(id => !processed.Contains(id)))
            {
                progress.CaseNotRun();
                records.Add(new CaseRecord { Agent = agent, CaseId = id.Text, Outcome = VerdictOutcome.Fail, NotRunReason = connectFailure });
            }
        }
    }
}
