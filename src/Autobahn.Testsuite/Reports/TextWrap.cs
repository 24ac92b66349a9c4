using System.Text;

namespace Autobahn.Testsuite.Reports;

/// <summary>
/// Python's <c>textwrap.wrap(text, width)</c> with its defaults, as wstest wraps wire-log data at 100 characters
/// (<c>ATS fuzzing.py</c> <c>createAgentCaseReportHTML</c>): tabs expanded, ASCII whitespace made spaces, greedy
/// filling at whitespace, words longer than a line broken, whitespace dropped at the ends of lines (and at the start
/// of every line but the first). Hyphen breaking is left out: wire-log texts are at most 68 characters or hex.
/// </summary>
internal static class TextWrap
{
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var chunks = Chunks(Normalize(text));
        chunks.Reverse(); // consumed from the end, as textwrap does
        var lines = new List<string>();
        while (chunks.Count > 0)
        {
            var line = new List<string>();
            var length = 0;
            if (IsSpace(chunks[^1]) && lines.Count > 0) chunks.RemoveAt(chunks.Count - 1);
            while (chunks.Count > 0)
            {
                var chunk = chunks[^1];
                if (length + chunk.Length > width) break;
                line.Add(chunk);
                length += chunk.Length;
                chunks.RemoveAt(chunks.Count - 1);
            }

            if (chunks.Count > 0 && chunks[^1].Length > width)
            {
                var room = Math.Max(width - length, 1);
                var chunk = chunks[^1];
                line.Add(chunk[..room]);
                chunks[^1] = chunk[room..];
            }

            if (line.Count > 0 && IsSpace(line[^1])) line.RemoveAt(line.Count - 1);
            if (line.Count > 0) lines.Add(string.Concat(line));
        }

        return lines;
    }

    private static bool IsSpace(string chunk) => chunk.Length > 0 && chunk.All(c => c == ' ');

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var column = 0;
        foreach (var c in text)
        {
            if (c == '\t')
            {
                var spaces = 8 - (column % 8);
                builder.Append(' ', spaces);
                column += spaces;
            }
            else if (c is '\n' or '\r')
            {
                // expandtabs restarts its column at a line break; replace_whitespace then makes it a space.
                builder.Append(' ');
                column = 0;
            }
            else
            {
                builder.Append(c is '\v' or '\f' ? ' ' : c);
                column++;
            }
        }

        return builder.ToString();
    }

    private static List<string> Chunks(string text)
    {
        var chunks = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ' ') != (text[start] == ' '))
            {
                chunks.Add(text[start..i]);
                start = i;
            }
        }

        return chunks;
    }
}
