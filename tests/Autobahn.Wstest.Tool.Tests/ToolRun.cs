namespace Autobahn.Wstest.Tool.Tests;

/// <summary>Runs <c>wstest</c> in this process (<see cref="WstestApp"/>) and keeps what it printed.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the command line <paramref name="args"/> with plain progress lines.</summary>
    public static async Task<ToolRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await WstestApp.RunAsync(args, output, error, live: false);
        return new ToolRun(exitCode, output.ToString(), error.ToString());
    }
}
