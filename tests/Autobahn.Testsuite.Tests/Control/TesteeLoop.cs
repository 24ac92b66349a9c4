using System.Diagnostics;

namespace Autobahn.Testsuite.Tests.Control;

/// <summary>
/// Runs one of the shared testee loops (<c>shared/clients/&lt;name&gt;/run.sh BASE_URL AGENT [flag]</c>): the loop a
/// client project writes for wstest's fuzzingserver (<c>/getCaseCount</c>, every <c>/runCase</c>, <c>/updateReports</c>).
/// </summary>
internal static class TesteeLoop
{
    /// <summary>Runs the loop to its end; kills it (by the PID this test started) when it overruns <paramref name="limit"/>.</summary>
    /// <returns>The loop's exit code and its output, for the failure message.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(string name, Uri server, string agent, string? flag, TimeSpan limit)
    {
        var script = Path.Combine(ClientVerdictTables.FindShared()!, "clients", name, "run.sh");
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, server.ToString().TrimEnd('/'), agent, flag }.OfType<string>()) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var overrun = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(overrun.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"killed after {limit.TotalSeconds:0} s\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, $"{await stdout}\n{await stderr}");
    }

    /// <summary>Whether a program is on the PATH (or an absolute path that exists).</summary>
    public static bool Has(string program) =>
        Path.IsPathRooted(program)
            ? File.Exists(program)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
}
