namespace Autobahn.Testsuite.Tests.Fuzzing;

public class CompressionDataFolderTests
{
    [Fact]
    public async Task MissingFolder_FailsTheCallBeforeConnecting()
    {
        // Port 1 is never listening: had the session connected first, the result would be a connect failure instead.
        var options = FuzzingOptions.Default with { CompressionDataFolder = Path.Combine(Path.GetTempPath(), "no-such-autobahn-data-" + Guid.NewGuid()) };

        var e = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Fuzzer.RunCaseAsync("12.2.1", new Uri("ws://127.0.0.1:1/"), options));

        Assert.Contains("lena512.bmp", e.Message, StringComparison.Ordinal);
    }
}
