namespace Autobahn.Testsuite.Fuzzing;

/// <summary>The timers a case script arms (wstest's <c>fuzzing.py</c>).</summary>
public enum CaseTimer
{
    /// <summary><c>continueLater</c>: the script goes on after a delay.</summary>
    ContinueLater,

    /// <summary><c>killAfter</c>: the fuzzer fails the connection after a delay.</summary>
    KillAfter,

    /// <summary><c>closeAfter</c>: the fuzzer starts the closing handshake after a delay.</summary>
    CloseAfter,
}
