namespace Autobahn.Wstest.Tool.Tests.EndToEnd;

/// <summary>
/// The tool packed from this build (<c>dotnet pack --no-build</c>) into a local feed and installed with
/// <c>dotnet tool install --tool-path</c> into a fresh folder, with a fresh package cache, once per test class.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly TempDirectory dir = new();

    /// <summary>The installed <c>wstest</c> command.</summary>
    public string Path { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var repo = FindRepository();
        var feed = dir.Combine("feed");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = dir.Combine("packages") };
        var project = System.IO.Path.Combine(repo, "src", "Autobahn.Wstest.Tool", "Autobahn.Wstest.Tool.csproj");
        await Succeed("dotnet", ["pack", project, "-c", Configuration, "--no-build", "-o", feed], repo, environment);
        await Succeed("dotnet", ["tool", "install", "Autobahn.Wstest.Tool", "--tool-path", dir.Combine("tools"), "--add-source", feed], dir.Path, environment);
        Path = dir.Combine("tools", OperatingSystem.IsWindows() ? "wstest.exe" : "wstest");
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        dir.Dispose();
        return Task.CompletedTask;
    }

    private static async Task Succeed(string fileName, string[] arguments, string workingDirectory, Dictionary<string, string> environment)
    {
        var (exitCode, output) = await ProcessRun.RunAsync(fileName, arguments, workingDirectory, environment);
        if (exitCode != 0) throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited {exitCode}:\n{output}");
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Autobahn.Xunit.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Autobahn.Xunit.sln not found above " + AppContext.BaseDirectory);
    }
}
