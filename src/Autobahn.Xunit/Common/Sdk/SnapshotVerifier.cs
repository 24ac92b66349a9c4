using System.Text;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// Compares snapshot text with its accepted <c>.verified.txt</c> file: on a match removes a stale
/// <c>.received.txt</c>; on a mismatch writes <c>.received.txt</c> and fails with a diff, unless accepting.
/// </summary>
internal sealed class SnapshotVerifier(SnapshotSettings settings, Func<string, string, Task> launchDiffTool)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The verifier of this process: settings from the environment, DiffEngine for diff tools.</summary>
    public static SnapshotVerifier FromEnvironment() => new(SnapshotSettings.FromEnvironment(), DiffTool.LaunchAsync);

    /// <summary>Verifies <paramref name="received"/> (snapshot text) against <paramref name="file"/>.</summary>
    /// <exception cref="AutobahnSnapshotMismatchException">No accepted snapshot, or it differs.</exception>
    public async Task VerifyAsync(string received, SnapshotFile file, string caseId)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(file);
        received = Normalize(received);
        var verifiedExists = File.Exists(file.VerifiedPath);
        var verified = verifiedExists ? Normalize(await File.ReadAllTextAsync(file.VerifiedPath, Encoding.UTF8).ConfigureAwait(false)) : null;

        if (verified == received)
        {
            File.Delete(file.ReceivedPath);
            return;
        }

        if (settings.Accept)
        {
            Directory.CreateDirectory(file.Directory);
            await File.WriteAllTextAsync(file.VerifiedPath, received, Utf8NoBom).ConfigureAwait(false);
            File.Delete(file.ReceivedPath);
            return;
        }

        Directory.CreateDirectory(file.Directory);
        await File.WriteAllTextAsync(file.ReceivedPath, received, Utf8NoBom).ConfigureAwait(false);
        if (settings.LaunchDiffTool && !settings.IsCi)
        {
            try
            {
                await launchDiffTool(file.ReceivedPath, file.VerifiedPath).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Opening a diff tool must never fail the test.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        throw new AutobahnSnapshotMismatchException(Message(caseId, file, verified, received), file.VerifiedPath, file.ReceivedPath);
    }

    /// <summary>The failure message of a mismatch (<paramref name="verified"/> null: no accepted snapshot yet).</summary>
    public string Message(string caseId, SnapshotFile file, string? verified, string received)
    {
        ArgumentNullException.ThrowIfNull(file);
        var builder = new StringBuilder();
        builder.Append(verified is null
                ? $"Case {caseId}: no accepted snapshot yet ({file.VerifiedPath} does not exist)."
                : $"Case {caseId}: what the server did differs from the accepted snapshot {file.VerifiedPath}.")
            .Append('\n');
        builder.Append("- verified / + received:\n").Append(SnapshotDiff.Format(verified ?? string.Empty, received));
        builder.Append("Received: ").Append(file.ReceivedPath).Append('\n');
        builder.Append($"To accept: run again with {SnapshotSettings.AcceptVariable}=1, or copy the .received.txt file over the .verified.txt file.");
        if (settings.IsCi) builder.Append("\nOn a build server snapshots are never accepted: accept locally and commit the .verified.txt file.");
        return builder.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
}
