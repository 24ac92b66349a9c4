using Autobahn.Wstest.Tool.Cli;
using Autobahn.Wstest.Tool.Specs;

namespace Autobahn.Wstest.Tool.Server;

/// <summary>
/// <c>wstest -m fuzzingserver</c>: loads and checks the spec (the implicit <c>./fuzzingserver.json</c>, written from
/// wstest's template when missing), then hands the run to <see cref="IFuzzingServer"/>.
/// </summary>
internal sealed class FuzzingServerMode
{
    private readonly ToolArguments arguments;
    private readonly IFuzzingServer server;
    private readonly TextWriter output;
    private readonly TextWriter error;

    /// <summary>Creates the mode with the server that will serve it.</summary>
    public FuzzingServerMode(ToolArguments arguments, IFuzzingServer server, TextWriter output, TextWriter error)
    {
        this.arguments = arguments;
        this.server = server;
        this.output = output;
        this.error = error;
    }

    /// <summary>Loads the spec, serves, and returns the exit status.</summary>
    /// <exception cref="UsageException">The spec is missing or not valid.</exception>
    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = FuzzingServerSpec.Read(SpecFile.Load("fuzzingserver", arguments.Spec, output), arguments);
        if (arguments.WsUri is not null) error.WriteLine("wstest: warning: -w/--wsuri is not used by -m fuzzingserver (the spec's \"url\" is)");
        foreach (var unused in arguments.UnusedOptions) error.WriteLine($"wstest: warning: {unused} is not used by -m fuzzingserver");
        return server.ServeAsync(settings, output, error, cancellationToken);
    }
}
