namespace Autobahn.Testsuite;

/// <summary>Runs Autobahn cases against a WebSocket server, one fresh connection per case, as wstest does.</summary>
public static class Fuzzer
{
    /// <summary>
    /// Runs one case against the server at <paramref name="serverUrl"/> (<c>ws://host:port/path</c>) and judges it as wstest does.
    /// Never throws for server misbehaviour: a refused connection or a failed handshake is a FAILED result whose
    /// <see cref="Fuzzing.CaseTranscript.ConnectionFailure"/> says why.
    /// </summary>
    public static Task<CaseResult> RunCaseAsync(string caseId, Uri serverUrl, FuzzingOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("engine in progress");
}
