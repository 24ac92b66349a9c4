using Autobahn.Testsuite;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The message of a failing row: the engine's <see cref="CaseFailureText"/> (laid out like wstest's per-case report,
/// the closing-behaviour table one key per line, the tail of the wire log in the words of wstest's HTML report), shared
/// with the <c>wstest</c> tool's JUnit file, and the path of the case's HTML report.
/// </summary>
internal static class CaseFailureMessage
{
    /// <summary>How many wire log rows a message shows, from the end.</summary>
    public const int WireLogTail = CaseFailureText.WireLogTail;

    /// <summary>The suffix of the message of a row that was not tried because an earlier connect failed.</summary>
    public const string NotRetriedSuffix = " (an earlier case already could not connect; not retried)";

    /// <summary>The failure message of <paramref name="result"/>, ending with <paramref name="reportFile"/> when the case has a report page.</summary>
    public static string Format(CaseResult result, string? reportFile = null) => CaseFailureText.Format(result, reportFile);

    /// <summary>The message of a row that failed fast because connecting to the same server failed moments ago.</summary>
    public static string NotRetried(string connectFailure) => connectFailure + NotRetriedSuffix;
}
