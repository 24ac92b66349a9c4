namespace Autobahn.Xunit.Sdk;

/// <summary>
/// Where a case's snapshot lives, in Verify's conventions: <c>{directory of the test source}/{Class}.{Method}_caseId={id}.verified.txt</c>,
/// and <c>.received.txt</c> beside it on a mismatch.
/// </summary>
/// <param name="Directory">The directory of the test source file.</param>
/// <param name="BaseName">The name without suffix, e.g. <c>SnapshotConformance.Conforms_caseId=2.2</c>.</param>
internal sealed record SnapshotFile(string Directory, string BaseName)
{
    /// <summary>The accepted snapshot.</summary>
    public string VerifiedPath => Path.Combine(Directory, BaseName + ".verified.txt");

    /// <summary>The snapshot of the last run that did not match.</summary>
    public string ReceivedPath => Path.Combine(Directory, BaseName + ".received.txt");

    /// <summary>
    /// The snapshot file of case <paramref name="caseId"/> in test <paramref name="method"/>. The class is
    /// <paramref name="className"/> or, as Verify does when it is not given, the name of <paramref name="sourceFile"/>
    /// without extension.
    /// </summary>
    public static SnapshotFile For(string sourceFile, string? className, string method, string caseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceFile);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        var directory = Path.GetDirectoryName(sourceFile);
        if (string.IsNullOrEmpty(directory))
        {
            throw new ArgumentException($"'{sourceFile}' has no directory: pass the test's source file path ([CallerFilePath]).", nameof(sourceFile));
        }

        var type = string.IsNullOrEmpty(className) ? Path.GetFileNameWithoutExtension(sourceFile) : className;
        return new SnapshotFile(directory, Sanitize($"{type}.{method}_caseId={caseId}"));
    }

    private static string Sanitize(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return string.Create(name.Length, name, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = Array.IndexOf(invalid, source[i]) >= 0 ? '_' : source[i];
        });
    }
}
