/// <summary>The command line of Autobahn.Wstest.</summary>
internal sealed record Arguments(
    string? Url,
    string? ServerScript,
    IReadOnlyList<string> ServerArguments,
    IReadOnlyList<string> Cases,
    IReadOnlyList<string> Exclude,
    string? Compare,
    string? DataFolder,
    string? ReportsDirectory,
    string? Agent,
    int Parallel,
    bool Verbose)
{
    public const string Usage = """
        usage: Autobahn.Wstest (--url ws://127.0.0.1:9001/ | --server path/to/run.sh [--server-arg ARG]...)
                               [--cases PATTERN]... [--exclude PATTERN]... [--compare wstest.tsv]
                               [--data-folder DIR] [--reports DIR] [--agent NAME] [--parallel N] [--verbose]
          --server       start a reference server launcher (e.g. ../shared/servers/ws/run.sh) on a free port,
                         measure its CPU time, stop it at the end
          --cases        wstest case patterns ("*", "6.4.*", "12.1.1"); default "*"
          --compare      a wstest verdict table (id, behavior, behaviorClose, ...): print the agreement
          --data-folder  wstest's original section 12 data files, for byte-identical traffic
          --parallel     run up to N cases of a section at once (default 1: one after another, as wstest);
                         a case that runs alone (section 9) always runs with no other beside it
          --agent        the agent name in reports (default: the --server folder name, else the Server header)
          --reports      write wstest's reports there (index.html, index.json, one JSON and HTML file per case)
        """;

    public static Arguments Parse(string[] args)
    {
        string? url = null, server = null, compare = null, dataFolder = null, reports = null, agent = null;
        var serverArguments = new List<string>();
        var cases = new List<string>();
        var exclude = new List<string>();
        var verbose = false;
        var parallel = 1;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--url": url = Value(); break;
                case "--server": server = Value(); break;
                case "--server-arg": serverArguments.Add(Value()); break;
                case "--cases": cases.Add(Value()); break;
                case "--exclude": exclude.Add(Value()); break;
                case "--compare": compare = Value(); break;
                case "--data-folder": dataFolder = Value(); break;
                case "--reports": reports = Value(); break;
                case "--agent": agent = Value(); break;
                case "--parallel":
                    parallel = int.TryParse(Value(), out var n) && n >= 1 ? n : throw new ArgumentException("--parallel needs a whole number of at least 1");
                    break;
                case "--verbose": verbose = true; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        if ((url is null) == (server is null)) throw new ArgumentException("give exactly one of --url and --server");
        if (cases.Count == 0) cases.Add("*");
        return new Arguments(url, server, serverArguments, cases, exclude, compare, dataFolder, reports, agent, parallel, verbose);
    }
}
