using Autobahn.Wstest.Tool.Cli;
using Autobahn.Wstest.Tool.Client;
using Autobahn.Wstest.Tool.Server;

namespace Autobahn.Wstest.Tool;

/// <summary>
/// The <c>wstest</c> command: parses the command line and runs the mode. A usage or spec error, or a spec or report
/// path that cannot be written, is one line on the error output and exit status 2, never a stack trace.
/// </summary>
internal static class WstestApp
{
    /// <summary>Runs <c>wstest</c> with <paramref name="args"/>; returns the exit status (<see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Standard output: progress, summary, help.</param>
    /// <param name="error">Standard error: warnings and errors.</param>
    /// <param name="live">A live progress line instead of a line per case.</param>
    /// <param name="serverFactory">The fuzzing server of fuzzingserver mode; <see cref="FuzzingServerBinding.Create"/> when null.</param>
    /// <param name="cancellationToken">Interrupts the run (Ctrl+C).</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, bool live, Func<IFuzzingServer>? serverFactory = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var arguments = new WstestCommandLine().Parse(args, output, out var handled);
            if (arguments is null) return handled;
            return arguments.Mode switch
            {
                "fuzzingclient" => await new FuzzingClientMode(arguments, output, error, live).RunAsync(cancellationToken).ConfigureAwait(false),
                "fuzzingserver" => await new FuzzingServerMode(arguments, (serverFactory ?? FuzzingServerBinding.Create)(), output, error).RunAsync(cancellationToken).ConfigureAwait(false),
                _ => throw new UsageException($"mode '{arguments.Mode}' is not supported by this wstest; it runs -m fuzzingclient (and -m fuzzingserver)"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine("wstest: " + e.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A spec or report path that cannot be written (read-only folder, a file where a folder should be).
            error.WriteLine("wstest: " + e.Message);
            return ExitCodes.UsageError;
        }
    }
}
