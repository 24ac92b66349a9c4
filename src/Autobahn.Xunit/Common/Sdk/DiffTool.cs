using DiffEngine;

namespace Autobahn.Xunit.Sdk;

/// <summary>DiffEngine, wrapped so that it can never fail a test: build-server detection and launching a diff tool.</summary>
internal static class DiffTool
{
    /// <summary>Whether DiffEngine detects a build server (false when it cannot tell).</summary>
    public static bool BuildServerDetected()
    {
        try
        {
            return BuildServerDetector.Detected;
        }
#pragma warning disable CA1031 // A diff helper must never fail the test.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>Opens the diff tool DiffEngine finds on <paramref name="receivedPath"/> and <paramref name="verifiedPath"/>, if any.</summary>
    public static async Task LaunchAsync(string receivedPath, string verifiedPath)
    {
        try
        {
            if (DiffRunner.Disabled) return;
            await DiffRunner.LaunchAsync(receivedPath, verifiedPath).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A diff helper must never fail the test.
        catch (Exception)
#pragma warning restore CA1031
        {
            // No tool, or it could not be started: the failure message already has the diff.
        }
    }
}
