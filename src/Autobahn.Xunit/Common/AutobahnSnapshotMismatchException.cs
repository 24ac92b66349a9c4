using Xunit.Sdk;

namespace Autobahn.Xunit;

/// <summary>
/// A case passed its verdict but what it observed differs from its accepted snapshot (or none was accepted yet).
/// The message has a short diff and says how to accept; the received snapshot is at <see cref="ReceivedPath"/>.
/// </summary>
public sealed class AutobahnSnapshotMismatchException : XunitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The failure message.</param>
    /// <param name="verifiedPath">The accepted snapshot file (which may not exist).</param>
    /// <param name="receivedPath">The snapshot file written by this run.</param>
    public AutobahnSnapshotMismatchException(string message, string verifiedPath, string receivedPath)
        : base(message)
    {
        VerifiedPath = verifiedPath;
        ReceivedPath = receivedPath;
    }

    /// <summary>The accepted snapshot file, <c>….verified.txt</c> (which may not exist).</summary>
    public string VerifiedPath { get; }

    /// <summary>The snapshot file written by this run, <c>….received.txt</c>.</summary>
    public string ReceivedPath { get; }
}
