using Autobahn.Wstest.Tool.Cli;

namespace Autobahn.Wstest.Tool.Server;

/// <summary>The fuzzing server of a build without one: says so, after the spec was checked, and exits 2.</summary>
internal sealed class UnavailableFuzzingServer : IFuzzingServer
{
    /// <summary>The message printed.</summary>
    public const string Message = "-m fuzzingserver is not available in this build: the spec is valid, but the fuzzing server (testing WebSocket clients) is not part of this version yet; use -m fuzzingclient to test servers";

    /// <inheritdoc />
    public Task<int> ServeAsync(FuzzingServerSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"wstest: {Message} ({settings.Cases.Count} cases, {settings.Url}, reports to {settings.Outdir}).");
        return Task.FromResult(ExitCodes.UsageError);
    }
}
