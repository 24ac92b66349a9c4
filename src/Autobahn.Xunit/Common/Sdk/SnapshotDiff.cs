using System.Text;

namespace Autobahn.Xunit.Sdk;

/// <summary>A short line diff of two snapshot texts for a failure message: <c>-</c> verified, <c>+</c> received.</summary>
internal static class SnapshotDiff
{
    /// <summary>How many differing lines a diff shows.</summary>
    public const int MaxLines = 20;

    /// <summary>
    /// The lines that differ, in order, each prefixed with <c>-</c> (only in <paramref name="verified"/>) or
    /// <c>+</c> (only in <paramref name="received"/>), at most <paramref name="maxLines"/> of them; empty when equal.
    /// </summary>
    public static string Format(string verified, string received, int maxLines = MaxLines)
    {
        ArgumentNullException.ThrowIfNull(verified);
        ArgumentNullException.ThrowIfNull(received);
        var a = Lines(verified);
        var b = Lines(received);

        // Longest common subsequence table from the end (snapshots are a few dozen lines).
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y == b.Length || (x < a.Length && lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                lines.Add("-" + a[x++]);
            }
            else
            {
                lines.Add("+" + b[y++]);
            }
        }

        var builder = new StringBuilder();
        foreach (var line in lines.Take(maxLines)) builder.Append(line).Append('\n');
        if (lines.Count > maxLines) builder.Append("... (").Append(lines.Count - maxLines).Append(" more differing lines)\n");
        return builder.ToString();
    }

    private static string[] Lines(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (normalized.EndsWith('\n')) normalized = normalized[..^1];
        return normalized.Length == 0 ? [] : normalized.Split('\n');
    }
}
