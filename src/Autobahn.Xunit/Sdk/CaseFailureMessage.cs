using Autobahn.Testsuite;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The message of a failing row, laid out like wstest's per-case report: case, expectation, verdict, expected and
/// observed events, the closing-behaviour table and the tail of the wire log.
/// </summary>
internal static class CaseFailureMessage
{
    /// <summary>How many wire log rows a message shows, from the end.</summary>
    public const int WireLogTail = CaseFailureText.WireLogTail;

    /// <summary>The suffix of the message of a row that was not tried because an earlier connect failed.</summary>
    public const string NotRetriedSuffix = " (an earlier case already could not connect; not retried)";

    /// <summary>The failure message of <paramref name="result"/> (the engine's <see cref="CaseFailureText"/>).</summary>
    public static string Format(CaseResult result) => CaseFailureText.Format(result);

    /// <summary>The message of a row that failed fast because connecting to the same server failed moments ago.</summary>
    public static string NotRetried(string connectFailure) => connectFailure + NotRetriedSuffix;

    /// <summary>The closing-behaviour fields as wstest's report table shows them (Python's True/False/None).</summary>
    public static string Closing(ClosingBehavior closing) => CaseFailureText.Closing(closing);
}
