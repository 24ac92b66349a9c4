using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;

namespace Autobahn.Testsuite.Tests.Fuzzing.Node;

/// <summary>
/// node <c>ws</c> 8.18.3 over node's https server (<c>wss-echo.js</c>) with a certificate exported to PEM, on
/// 127.0.0.1 and an ephemeral port. ws is installed as <c>shared/servers/ws/run.sh</c> does it: into
/// <c>$AUTOBAHN_SERVERS_WORK</c> (else <c>$TMPDIR/autobahn-servers</c>), reusing run.sh's install when present.
/// Dispose stops the process this started (closing its stdin; killing it, by its handle, if it lingers).
/// </summary>
internal sealed class NodeWssServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private readonly Process process;
    private readonly DirectoryInfo folder;

    private NodeWssServer(Process process, DirectoryInfo folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Url = new Uri($"wss://127.0.0.1:{port}/");
    }

    /// <summary><c>wss://127.0.0.1:port/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The full path of <paramref name="tool"/> on the PATH, or null.</summary>
    public static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => OperatingSystem.IsWindows() ? new[] { Path.Combine(dir, tool + ".exe"), Path.Combine(dir, tool + ".cmd") } : [Path.Combine(dir, tool)])
            .FirstOrDefault(File.Exists);

    public static async Task<NodeWssServer> StartAsync(X509Certificate2 certificate)
    {
        var modules = await EnsureWsInstalledAsync();
        var folder = Directory.CreateTempSubdirectory("autobahn-node-wss-");
        var certificatePath = Path.Combine(folder.FullName, "cert.pem");
        var keyPath = Path.Combine(folder.FullName, "key.pem");
        await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

        var info = new ProcessStartInfo(FindOnPath("node")!)
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Node", "wss-echo.js"), certificatePath, keyPath },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["NODE_PATH"] = modules;
        var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        using var timeout = new CancellationTokenSource(StartTimeout);
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException($"wss-echo.js did not start: {line} {error}");
        }

        return new NodeWssServer(process, folder, int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The SNI name of each TLS connection so far (empty when the client sent none), as node's <c>servername</c>.</summary>
    public async Task<string[]> ServerNamesAsync()
    {
        await process.StandardInput.WriteLineAsync();
        await process.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("servernames ", StringComparison.Ordinal)) return System.Text.Json.JsonSerializer.Deserialize<string[]>(line["servernames ".Length..])!;
        }

        throw new InvalidOperationException("wss-echo.js exited");
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
        }

        process.Dispose();
        folder.Delete(recursive: true);
    }

    /// <summary>node_modules holding ws 8.18.3: run.sh's install if there is one, else installed beside it with npm.</summary>
    private static async Task<string> EnsureWsInstalledAsync()
    {
        var work = Environment.GetEnvironmentVariable("AUTOBAHN_SERVERS_WORK") is { Length: > 0 } set ? set : Path.Combine(Path.GetTempPath(), "autobahn-servers");
        foreach (var name in new[] { "ws", "ws-tls" })
        {
            var modules = Path.Combine(work, name, "node_modules");
            if (File.Exists(Path.Combine(modules, "ws", "package.json"))) return modules;
        }

        await InstallLock.WaitAsync();
        try
        {
            var target = Directory.CreateDirectory(Path.Combine(work, "ws-tls")).FullName;
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Node", "package.json"), Path.Combine(target, "package.json"), overwrite: true);
            using var npm = Process.Start(new ProcessStartInfo(FindOnPath("npm")!)
            {
                ArgumentList = { "install", "--no-audit", "--no-fund", "--silent" },
                WorkingDirectory = target,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("npm did not start");
            var errors = npm.StandardError.ReadToEndAsync();
            _ = npm.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await npm.WaitForExitAsync(timeout.Token);
            if (npm.ExitCode != 0) throw new InvalidOperationException($"npm install ws in {target} failed: {await errors}");
            return Path.Combine(target, "node_modules");
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
