using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Verdicts;
using Autobahn.Wstest.Tool.Cli;

namespace Autobahn.Wstest.Tool.Server;

/// <summary>
/// fuzzingserver mode on the engine's <see cref="FuzzingServer"/>: listens on 127.0.0.1 at the spec URL's port, speaks
/// wstest's control protocol to the testee, writes the reports on <c>/updateReports</c>, and stops on <c>/stopServer</c>
/// or <c>shutdownOnComplete</c>. Exits 1 when a case the testee ran fails by the rows' verdict policy.
/// </summary>
internal sealed class EngineFuzzingServer : IFuzzingServer
{
    /// <summary>The server options this fuzzer honours, in seconds, as autobahn names them.</summary>
    private static readonly string[] Honoured = ["openHandshakeTimeout", "closeHandshakeTimeout"];

    /// <inheritdoc />
    public async Task<int> ServeAsync(FuzzingServerSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var fuzzing = Options(settings, error) with { ExcludeAfterHandshake = (agent, id) => settings.Exclusions.Excludes(agent, id.Text) };
        using var certificate = settings.IsSecure ? Certificate(settings) : null;
        FuzzingServer server;
        try
        {
            server = FuzzingServer.Start(new FuzzingServerOptions
            {
                Port = settings.Port,
                Cases = [.. settings.Cases.Select(id => id.Text)],
                ReportsDirectory = settings.Outdir,
                Fuzzing = fuzzing,
                Certificate = certificate,
            });
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new UsageException($"cannot listen on 127.0.0.1:{settings.Port}: {e.Message}");
        }

        await using (server.ConfigureAwait(false))
        {
            var printing = new Lock();
            server.CaseFinished += result =>
            {
                // Cases of concurrent testee connections end on different threads.
                lock (printing) output.WriteLine($"case {result.Id.Text} for agent {result.Agent}: {result.Behavior.ToWstestString()} / {result.BehaviorClose.ToWstestString()} ({result.Transcript.DurationMilliseconds} ms)");
            };
            output.WriteLine($"fuzzingserver listening on {server.Url} ({server.Cases.Count} cases); reports to {Path.GetFullPath(settings.Outdir)} on /updateReports; stop with /stopServer");
            try
            {
                await server.Stopped.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine("interrupted");
                return ExitCodes.Interrupted;
            }
        }

        var failing = server.Results.Where(r => PassingVerdicts.Judge(r.Behavior, r.BehaviorClose) == VerdictOutcome.Fail).ToList();
        output.WriteLine($"{server.Results.Count} cases run, {failing.Count} failed" + (failing.Count == 0 ? "" : ": " + string.Join(", ", failing.Select(r => $"{r.Agent} {r.Id.Text}"))));
        return failing.Count == 0 ? ExitCodes.Success : ExitCodes.CasesFailed;
    }

    private static FuzzingOptions Options(FuzzingServerSettings settings, TextWriter error)
    {
        var options = FuzzingOptions.Default;
        foreach (var (key, value) in settings.Options ?? [])
        {
            if (!Honoured.Contains(key))
            {
                error.WriteLine($"wstest: warning: option \"{key}\": {value?.ToJsonString() ?? "null"} is not honoured by this fuzzing server");
                continue;
            }

            if (value is null || value.GetValueKind() != JsonValueKind.Number || value.GetValue<double>() <= 0)
            {
                throw new UsageException($"spec: option \"{key}\" must be a positive number of seconds");
            }

            var seconds = TimeSpan.FromSeconds(value.GetValue<double>());
            options = key == "openHandshakeTimeout" ? options with { OpenHandshakeTimeout = seconds } : options with { CloseHandshakeTimeout = seconds };
        }

        return options;
    }

    /// <summary>wstest's <c>DefaultOpenSSLContextFactory(key, cert)</c>: PEM files, an unencrypted key.</summary>
    private static X509Certificate2 Certificate(FuzzingServerSettings settings)
    {
        if (settings.KeyFile is null || settings.CertFile is null)
        {
            throw new UsageException("Secure WebSocket listen requested, but no SSL context factory given: a wss:// url needs the spec's \"key\" and \"cert\" (or -k/-c)");
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(settings.CertFile, settings.KeyFile);
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException)
        {
            throw new UsageException(string.Format(CultureInfo.InvariantCulture, "cannot load the certificate {0} with key {1}: {2}", settings.CertFile, settings.KeyFile, e.Message));
        }
    }
}
