using System.Text;

namespace Autobahn.Testsuite.Reports;

/// <summary>Writes a file so that readers see the old or the new content, never half of it.</summary>
internal static class AtomicFile
{
    private const int MoveAttempts = 5;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to a temporary file beside <paramref name="path"/>, then renames it over <paramref name="path"/>.</summary>
    public static void WriteAllText(string path, string text)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, Utf8NoBom);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    // rename(2) on Unix, MoveFileEx(REPLACE_EXISTING) on Windows: readers see the old or the new file, never half of one.
                    File.Move(temp, path, overwrite: true);
                    return;
                }
                catch (Exception e) when (attempt < MoveAttempts && e is IOException or UnauthorizedAccessException)
                {
                    // Windows refuses to replace a file another process (an editor, a virus scanner) holds open; retry briefly.
                    Thread.Sleep(20 * attempt);
                }
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
