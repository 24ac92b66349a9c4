using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Tests.Cases;

/// <summary>
/// The team's reference list of wstest's 517 cases, <c>shared/autobahn/cases.tsv</c>, found by walking up from the test
/// binaries. Absent outside the development workspace; tests then fall back to the embedded copy.
/// </summary>
internal static class SharedCaseTable
{
    public static string? FindPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "autobahn", "cases.tsv");
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    public static IReadOnlyList<CaseText> Read(string path) =>
        [
            .. File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(line => line.Split('\t'))
                .Select(f => new CaseText { Id = f[0], Category = f[1], Group = f[2], Description = f[3], Expectation = f[4] }),
        ];
}
