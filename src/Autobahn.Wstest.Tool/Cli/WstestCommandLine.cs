using System.CommandLine;
using System.Globalization;

namespace Autobahn.Wstest.Tool.Cli;

/// <summary>
/// wstest's command line (<c>ATS wstest.py</c> <c>WsTestOptions</c>: <c>-m -s -w -u -d -a -k -c -i -o -t</c>, same
/// meanings and defaults) plus this tool's options, parsed with System.CommandLine.
/// </summary>
internal sealed class WstestCommandLine
{
    /// <summary>wstest's modes (<c>WsTestOptions.MODES</c>); only the fuzzing modes are supported here.</summary>
    public static readonly string[] Modes =
        ["echoserver", "echoclient", "broadcastclient", "broadcastserver", "fuzzingserver", "fuzzingclient", "testeeserver", "testeeclient", "massconnect", "serializer"];

    private readonly Option<string> mode = new("--mode", "-m") { Description = "Test mode: fuzzingclient (tests WebSocket servers) or fuzzingserver (tests clients) [required]", HelpName = "MODE" };
    private readonly Option<string> spec = new("--spec", "-s") { Description = "Test specification file; default ./<mode>.json, written from wstest's template when missing", HelpName = "FILE" };
    private readonly Option<string> wsuri = new("--wsuri", "-w") { Description = "WebSocket URI, used when the spec lists no servers (fuzzingclient)", HelpName = "URI" };
    private readonly Option<string> webport = new("--webport", "-u") { Description = "Web port of the embedded HTTP server (fuzzingserver); 0 disables it [default: 8080]", HelpName = "PORT" };
    private readonly Option<bool> debug = new("--debug", "-d") { Description = "Debug output: a line per case and the full report text of every failing case" };
    private readonly Option<bool> autobahnVersion = new("--autobahnversion", "-a") { Description = "Print version information for Autobahn and AutobahnTestSuite" };
    private readonly Option<string> key = new("--key", "-k") { Description = "Server private key file for wss:// (fuzzingserver; overrides the spec's \"key\")", HelpName = "FILE" };
    private readonly Option<string> cert = new("--cert", "-c") { Description = "Server certificate file for wss:// (fuzzingserver; overrides the spec's \"cert\")", HelpName = "FILE" };
    private readonly Option<string> ident = new("--ident", "-i") { Description = "Testee client identifier (testeeclient mode; not used here)", HelpName = "ID" };
    private readonly Option<string> outfile = new("--outfile", "-o") { Description = "Output file (serializer mode; not used here)", HelpName = "FILE" };
    private readonly Option<string> testset = new("--testset", "-t") { Description = "Test set (legacy import/export; not used here)", HelpName = "NAME" };
    private readonly Option<int> parallel = new("--parallel") { Description = "Run up to N cases side by side (section 9 always alone); results and reports stay in wstest's order; 1 = one at a time, as wstest", HelpName = "N", DefaultValueFactory = _ => 1 };
    private readonly Option<string[]> failOn = new("--fail-on") { Description = "Also fail the run on these verdicts: " + FailOnVerdicts.Names, HelpName = "VERDICT", AllowMultipleArgumentsPerToken = true };
    private readonly Option<bool> exitZero = new("--exit-zero") { Description = "Exit 0 whatever the verdicts, as wstest does (usage errors still exit 2)" };
    private readonly Option<string> junit = new("--junit") { Description = "Also write a JUnit XML file: one <testcase> per case and agent", HelpName = "FILE" };
    private readonly Option<string> dataFolder = new("--data-folder") { Description = "A folder with wstest's original section 12 data files, for byte-identical traffic", HelpName = "DIR" };
    private readonly RootCommand root;

    /// <summary>Builds the command.</summary>
    public WstestCommandLine()
    {
        root = new RootCommand(
            "wstest, the Autobahn WebSocket Testsuite's command line, in C#: wstest -m fuzzingclient -s fuzzingclient.json. " +
            "Exit status: 0 when every case passes, 1 when a case fails (or a server cannot be reached), 2 on a usage or spec error.")
        {
            mode, spec, wsuri, webport, debug, autobahnVersion, key, cert, ident, outfile, testset, parallel, failOn, exitZero, junit, dataFolder,
        };
    }

    /// <summary>The command, for help output.</summary>
    public RootCommand Root => root;

    /// <summary>
    /// Parses <paramref name="args"/>. Returns null with <paramref name="handled"/> set when the command line asked
    /// for help, the version or <c>-a</c> (the text is written to <paramref name="output"/>).
    /// </summary>
    /// <exception cref="UsageException">The command line is not valid.</exception>
    public ToolArguments? Parse(IReadOnlyList<string> args, TextWriter output, out int handled)
    {
        handled = ExitCodes.Success;
        var result = root.Parse(args);
        if (result.Errors.Count > 0) throw new UsageException(string.Join("; ", result.Errors.Select(e => e.Message)) + " (try wstest --help)");

        // --help and --version are System.CommandLine's own actions.
        if (result.Action is not null)
        {
            handled = result.Invoke(new InvocationConfiguration { Output = output, Error = output });
            return null;
        }

        if (result.GetValue(autobahnVersion))
        {
            // wstest.py postOptions: the versions it re-implements, then ours.
            output.WriteLine("Autobahn 0.10.9");
            output.WriteLine("AutobahnTestSuite 0.8.2");
            output.WriteLine($"Autobahn.Wstest.Tool {typeof(WstestCommandLine).Assembly.GetName().Version?.ToString(3)} (a C# re-implementation of the above)");
            return null;
        }

        var modeValue = result.GetValue(mode) ?? throw new UsageException("a mode must be specified to run! (e.g. wstest -m fuzzingclient)");
        if (!Modes.Contains(modeValue, StringComparer.Ordinal))
        {
            throw new UsageException($"Mode '{modeValue}' is invalid. Available modes: {string.Join(", ", Modes.Order(StringComparer.Ordinal))}");
        }

        var parallelValue = result.GetValue(parallel);
        if (parallelValue < 1) throw new UsageException("--parallel needs a whole number of at least 1");

        return new ToolArguments
        {
            Mode = modeValue,
            Spec = result.GetValue(spec),
            WsUri = result.GetValue(wsuri),
            WebPort = ParseWebPort(result.GetValue(webport)),
            Debug = result.GetValue(debug),
            Key = result.GetValue(key),
            Cert = result.GetValue(cert),
            UnusedOptions = [.. new[] { ("-i/--ident", result.GetValue(ident)), ("-o/--outfile", result.GetValue(outfile)), ("-t/--testset", result.GetValue(testset)) }
                .Where(o => o.Item2 is not null).Select(o => o.Item1)],
            Parallel = parallelValue,
            FailOn = FailOnVerdicts.Parse(result.GetValue(failOn) ?? []),
            ExitZero = result.GetValue(exitZero),
            JUnit = result.GetValue(junit),
            DataFolder = result.GetValue(dataFolder),
        };
    }

    /// <summary>wstest.py postOptions: an integer from 0 to 65535, else "invalid Web port".</summary>
    private static int ParseWebPort(string? text)
    {
        if (text is null) return 8080;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new UsageException($"invalid Web port {text}");
    }
}
