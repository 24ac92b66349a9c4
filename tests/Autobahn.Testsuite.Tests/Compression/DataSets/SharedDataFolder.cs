namespace Autobahn.Testsuite.Tests.Compression.DataSets;

/// <summary>
/// The team's copy of wstest's section-12 payload files, <c>shared/autobahn/data</c>, found by walking up from the test
/// binaries like <see cref="Cases.SharedCaseTable"/>. The files are third-party content and are never in the repository,
/// so outside the development workspace they are absent and the tests that need them are skipped.
/// </summary>
internal static class SharedDataFolder
{
    private static readonly Lazy<string?> Folder = new(Find);

    /// <summary>The folder, or null when it is not there.</summary>
    public static string? Path => Folder.Value;

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "autobahn", "data");
            if (File.Exists(System.IO.Path.Combine(candidate, "data1.json")))
            {
                return candidate;
            }
        }

        return null;
    }
}
