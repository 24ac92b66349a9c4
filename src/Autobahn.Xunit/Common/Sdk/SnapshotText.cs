using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The snapshot text of a case: its id and description, the verdict, the observed events and the closing-behaviour
/// table, scrubbed of everything that varies between two runs against an unchanged server (durations, timestamps,
/// ports, mask keys, handshake keys and dates are left out or replaced; the wire log is not included because TCP
/// read sizes vary). UTF-8 without BOM, <c>"\n"</c> line endings, ending with a newline.
/// </summary>
internal static partial class SnapshotText
{
    /// <summary>What the behavior line says for a racy case that came out OK or NON-STRICT.</summary>
    public const string RacyBehavior = "OK or NON-STRICT (racy, wstest issue #102)";

    /// <summary>What the result and events lines say for a racy case that came out OK or NON-STRICT.</summary>
    public const string RacyEvents = "<racy: valid message may or may not be echoed before the failure>";

    /// <summary>What the race-dependent closing fields say when the server failed the connection (see <see cref="IsRacyClose"/>).</summary>
    public const string RacyClose = "<racy: clean, or the server dropped TCP before its close frame was read>";

    /// <summary>autobahn's reason when the server dropped TCP without a closing handshake.</summary>
    public const string PeerDroppedReason = "peer dropped the TCP connection without previous WebSocket closing handshake";

    /// <summary>Renders <paramref name="result"/> as snapshot text.</summary>
    public static string Render(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var transcript = result.Transcript;
        var closing = transcript.Closing;
        // A case whose verdict flips between OK and NON-STRICT on concurrent servers (CaseInfo.IsRacy, wstest issue #102).
        var racy = CaseInfo.TryGet(result.Id.Text, out var info) && info.IsRacy && result.Behavior is Behavior.Ok or Behavior.NonStrict;

        var builder = new StringBuilder();
        builder.Append("case: ").Append(result.Id.Text).Append('\n');
        builder.Append("description: ").Append(Line(CaseDisplay.PlainText(result.Text.Description))).Append('\n');
        builder.Append("behavior: ").Append(racy ? RacyBehavior : result.Verdict.Behavior.ToWstestString()).Append('\n');
        builder.Append("behaviorClose: ").Append(result.Verdict.BehaviorClose.ToWstestString()).Append('\n');
        builder.Append("result: ").Append(racy ? RacyEvents : Line(result.Verdict.Result)).Append('\n');
        builder.Append("resultClose: ").Append(Line(result.Verdict.ResultClose)).Append('\n');
        if (transcript.ConnectionFailure is { } failure) builder.Append("connectionFailure: ").Append(Line(failure)).Append('\n');

        builder.Append("events:").Append('\n');
        if (racy)
        {
            builder.Append("  ").Append(RacyEvents).Append('\n');
        }
        else
        {
            foreach (var received in transcript.Received) builder.Append("  ").Append(Line(received.ToString())).Append('\n');
        }

        builder.Append("closing:").Append('\n');
        Row(builder, "closedByMe", Py(closing.ClosedByMe));
        Row(builder, "failedByMe", Py(closing.FailedByMe));
        Row(builder, "droppedByMe", Py(closing.DroppedByMe));
        var racyClose = IsRacyClose(result);
        Row(builder, "wasClean", racyClose ? RacyClose : Py(closing.WasClean));
        Row(builder, "wasNotCleanReason", racyClose ? RacyClose : Py(closing.WasNotCleanReason));
        Row(builder, "wasServerConnectionDropTimeout", Py(closing.WasServerConnectionDropTimeout));
        Row(builder, "wasOpenHandshakeTimeout", Py(closing.WasOpenHandshakeTimeout));
        Row(builder, "wasCloseHandshakeTimeout", Py(closing.WasCloseHandshakeTimeout));
        // When the fuzzer started the close its own code is known either way; when it only replied, it may not have.
        var racyLocal = racyClose && !closing.ClosedByMe;
        Row(builder, "localCloseCode", racyLocal ? RacyClose : Py(closing.LocalCloseCode));
        Row(builder, "localCloseReason", racyLocal ? RacyClose : Py(closing.LocalCloseReason));
        Row(builder, "remoteCloseCode", racyClose ? RacyClose : Py(closing.RemoteCloseCode));
        Row(builder, "remoteCloseReason", racyClose ? RacyClose : Py(closing.RemoteCloseReason));
        return builder.ToString();
    }

    /// <summary>
    /// Whether the close of <paramref name="result"/> is one of the two outcomes of a race: in a case where the
    /// server fails the connection and wstest does not require a clean close, a server that drops TCP right after
    /// its close frame (with the fuzzer's frames unread, so the kernel resets the connection) may or may not have
    /// that frame read first. Either way the verdict passes; the snapshot shows neither (the fuzzer's own close code
    /// stays when it started the close).
    /// </summary>
    public static bool IsRacyClose(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var closing = result.Transcript.Closing;
        var passed = result.BehaviorClose is Behavior.Ok or Behavior.Informational;
        var notByTheFuzzer = !closing.FailedByMe && !closing.DroppedByMe
            && !closing.WasServerConnectionDropTimeout && !closing.WasOpenHandshakeTimeout && !closing.WasCloseHandshakeTimeout;
        var eitherSide = closing.WasClean
            || (closing.WasNotCleanReason == PeerDroppedReason && closing.RemoteCloseCode is null);
        return passed && !result.ExpectedClose.RequireClean && result.Transcript.ConnectionWasOpen && notByTheFuzzer && eitherSide;
    }

    /// <summary>
    /// One line of snapshot text: line breaks escaped, and what varies between runs replaced — the host and port of
    /// URLs (<c>ws://{server}</c>), bare loopback endpoints, GUIDs, base64 handshake keys, dates and times, and
    /// durations in milliseconds.
    /// </summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = UrlAuthority().Replace(text, "$1://{server}");
        text = Endpoint().Replace(text, "{endpoint}");
        text = GuidPattern().Replace(text, "{guid}");
        text = HandshakeKeyPattern().Replace(text, "$1{key}");
        text = IsoDate().Replace(text, "{date}");
        text = HttpDate().Replace(text, "{date}");
        text = Milliseconds().Replace(text, "{n} ms");
        return text;
    }

    private static string Line(string text) => Scrub(text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal));

    private static void Row(StringBuilder builder, string key, string value) => builder.Append("  ").Append(key).Append(": ").Append(value).Append('\n');

    private static string Py(bool value) => value ? "True" : "False";

    private static string Py(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "None";

    private static string Py(string? value) => value is null ? "None" : Line(value);

    [GeneratedRegex(@"\b(wss?|https?)://[^/\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlAuthority();

    [GeneratedRegex(@"\b(?:\d{1,3}\.){3}\d{1,3}:\d{1,5}\b|\[[0-9a-fA-F:]+\]:\d{1,5}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Endpoint();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b", RegexOptions.CultureInvariant)]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"(?i)(Sec-WebSocket-(?:Key|Accept):\s*)\S+", RegexOptions.CultureInvariant)]
    private static partial Regex HandshakeKeyPattern();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT", RegexOptions.CultureInvariant)]
    private static partial Regex HttpDate();

    [GeneratedRegex(@"\b\d+(?:\.\d+)? ?ms\b", RegexOptions.CultureInvariant)]
    private static partial Regex Milliseconds();
}
