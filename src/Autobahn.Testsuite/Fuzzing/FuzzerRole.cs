namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// Which end of the connection the fuzzer plays (autobahn's <c>factory.isServer</c>). The case scripts are the same
/// in both roles; masking, who drops TCP and the closing timers differ (fuzzingserver-and-cli.md §A.5).
/// </summary>
internal enum FuzzerRole
{
    /// <summary>wstest's fuzzingclient: the fuzzer connects to a WebSocket server under test.</summary>
    Client,

    /// <summary>wstest's fuzzingserver: a WebSocket client under test connects to the fuzzer.</summary>
    Server,
}
