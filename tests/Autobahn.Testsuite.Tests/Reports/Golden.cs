using System.Runtime.CompilerServices;
using System.Text;

namespace Autobahn.Testsuite.Tests.Reports;

/// <summary>
/// Golden files beside this source file (<c>Reports/Golden</c>). A mismatch fails and writes
/// <c>name.received.ext</c> beside the golden file; <c>AUTOBAHN_ACCEPT_GOLDEN=1</c> (never on CI) rewrites them.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string fileName, string actual, [CallerFilePath] string sourceFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Golden");
        var path = Path.Combine(directory, fileName);
        var received = Path.Combine(directory, Path.GetFileNameWithoutExtension(fileName) + ".received" + Path.GetExtension(fileName));
        var accept = Environment.GetEnvironmentVariable("AUTOBAHN_ACCEPT_GOLDEN") is "1" or "true"
            && Environment.GetEnvironmentVariable("CI") is not ("true" or "1");
        if (accept)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with AUTOBAHN_ACCEPT_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }

        try
        {
            File.WriteAllText(received, actual, new UTF8Encoding(false));
        }
        catch (IOException)
        {
            // A read-only checkout: the assertion below still says what differs.
        }
        catch (UnauthorizedAccessException)
        {
        }

        Assert.Equal(expected, actual);
    }
}
