using System.Diagnostics;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Fuzzing;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>Runs one case against a hostile server with a wall-clock guard, and says what happened when an assertion fails.</summary>
internal static class Hostile
{
    /// <summary>wstest's timers at a fifth: killAfter(1) = 200 ms, close-handshake and server-drop timeouts 200 ms, opening handshake 1 s.</summary>
    public static readonly FuzzingOptions Fast = new() { TimeScale = 0.2 };

    /// <summary>The guard is a test failure, not a verdict: a case that needs it has hung.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public const string EventsMatch = "Actual events match at least one expected.";
    public const string EventsDiffer = "Actual events differ from any expected.";
    public const string NeverOpen = "The WebSocket opening handshake was never completed!";
    public const string WrongEndpoint = "The connection was failed by the wrong endpoint";
    public const string Unclean = "The spec requires the connection to be failed cleanly here";
    public const string FailedByClient = "It is preferred that the server close the TCP connection";
    public const string ProperlyClosed = "Connection was properly closed";
    public const string PeerDropped = "peer dropped the TCP connection without previous WebSocket closing handshake";

    public static async Task<(CaseResult Result, TimeSpan Elapsed)> RunAsync(string caseId, Uri url, FuzzingOptions? options = null, ITestOutputHelper? output = null)
    {
        using var guard = new CancellationTokenSource(Guard);
        var stopwatch = Stopwatch.StartNew();
        var result = await Fuzzer.RunCaseAsync(caseId, url, options ?? Fast, guard.Token);
        stopwatch.Stop();
        output?.WriteLine($"case {caseId}: {result.Behavior}/{result.BehaviorClose}; wall {stopwatch.Elapsed.TotalMilliseconds:0} ms, duration {result.Transcript.DurationMilliseconds} ms; " +
                          $"{result.Transcript.ConnectionFailure ?? result.Transcript.Closing.WasNotCleanReason ?? result.Verdict.ResultClose}");
        return (result, stopwatch.Elapsed);
    }

    /// <summary>
    /// The [length, hex] of an "RO" wire log row (fuzzing.py logRxOctets), whether the values hold the pair itself or
    /// the pair as their first value (wstest's JSON shape).
    /// </summary>
    public static (int Length, string Hex) RxOctets(WireLogEntry row) => row.Values[0] is object?[] pair
        ? ((int)pair[0]!, (string)pair[1]!)
        : ((int)row.Values[0]!, (string)row.Values[1]!);

    public static void AssertVerdict(CaseResult result, Behavior behavior, Behavior behaviorClose, string? resultText = null, string? resultClose = null)
    {
        Assert.True(result.Behavior == behavior && result.BehaviorClose == behaviorClose, $"expected {behavior}/{behaviorClose}\n{Describe(result)}");
        if (resultText is not null) Assert.Equal(resultText, result.Verdict.Result);
        if (resultClose is not null) Assert.Equal(resultClose, result.Verdict.ResultClose);
    }

    public static void AssertWithin(TimeSpan elapsed, TimeSpan bound, CaseResult result) =>
        Assert.True(elapsed < bound, $"took {elapsed.TotalMilliseconds:0} ms, bound {bound.TotalMilliseconds:0} ms\n{Describe(result)}");

    public static string Describe(CaseResult result)
    {
        var t = result.Transcript;
        var log = string.Join("\n", t.WireLog.TakeLast(12).Select(e => $"  {e.AtMilliseconds,8:0.0} {e.Kind} {string.Join(", ", e.Values.Select(v => v is object?[] a ? $"[{string.Join(", ", a)}]" : v?.ToString() ?? "null"))}"));
        return $"""
            case {result.Id}: {result.Behavior}/{result.BehaviorClose} — {result.Verdict.Result} / {result.Verdict.ResultClose}
            received: [{string.Join(", ", t.Received.Take(10))}]{(t.Received.Count > 10 ? $" (+{t.Received.Count - 10})" : "")}
            closing: {t.Closing}
            duration: {t.DurationMilliseconds} ms; failure: {t.ConnectionFailure}
            wire log tail ({t.WireLog.Count} rows):
            {log}
            """;
    }
}
