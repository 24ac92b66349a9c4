using System.Globalization;
using System.Text;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite;

/// <summary>
/// What a run has seen of one target that stopped answering, and whether the run gives up on it (not in wstest, which
/// waits out every case). A server that accepts TCP and never answers — deadlocked, overloaded, hung after some cases
/// — costs each case its whole opening-handshake timeout or case budget: 517 cases × 5 s. When
/// <see cref="Limit"/> cases in a row get no answer, the run stops trying the target for <see cref="RetryAfter"/>: the
/// following cases fail at once with <see cref="NotRetried"/>. A case that gets an answer clears the streak. A case whose
/// TCP connect failed leaves it as it is: a refused connection is remembered on its own.
/// </summary>
/// <remarks>
/// Immutable: <see cref="After"/> returns the next state, so a front end keeps one per run and target (the xUnit
/// adapter per theory run and URL; a command line per run) and decides with <see cref="Skips"/>.
/// </remarks>
public sealed class UnansweredStreak
{
    /// <summary>How many cases in a row must go unanswered before the run gives up on the target.</summary>
    public const int Limit = 2;

    private readonly IReadOnlyList<(string CaseId, string Silence)> cases;

    private UnansweredStreak(IReadOnlyList<(string CaseId, string Silence)> cases, DateTimeOffset? gaveUpAt)
    {
        this.cases = cases;
        GaveUpAt = gaveUpAt;
    }

    /// <summary>No case unanswered.</summary>
    public static UnansweredStreak None { get; } = new([], null);

    /// <summary>
    /// How long the run keeps giving up after the last unanswered case; a case after that tries the target again (and
    /// renews the give-up if it gets no answer either), so that a server that recovers is noticed.
    /// </summary>
    public static TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The cases of the streak, in the order their results came, the first <see cref="Limit"/> only (<see cref="NotRetried"/> names them in wstest's order).</summary>
    public IReadOnlyList<string> CaseIds => [.. cases.Select(c => c.CaseId)];

    /// <summary>When the run gave up on the target (the last unanswered case once <see cref="Limit"/> was reached), or null.</summary>
    public DateTimeOffset? GaveUpAt { get; }

    /// <summary>
    /// What a case got from its target when that was nothing: "did not answer the opening handshake within 5 s" (the
    /// opening-handshake timeout, <c>protocol.py</c> <c>onOpenHandshakeTimeout</c>), or "answered the opening handshake,
    /// then sent nothing" (not one octet after the handshake response before the closing-handshake timeout or the case
    /// budget ended the case); null when the target answered, or when the case says nothing about it (a failed TCP connect, a
    /// cancelled case).
    /// </summary>
    public static string? Silence(CaseResult result, FuzzingOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var transcript = result.Transcript;
        if (transcript.ConnectFailed) return null;
        if (transcript.Closing.WasOpenHandshakeTimeout)
        {
            var seconds = options.Scale(options.OpenHandshakeTimeout).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return $"did not answer the opening handshake within {seconds} s";
        }

        // Not one octet after the response head: a slow server part-way through a long frame is not silent.
        var timedOut = transcript.Closing.WasCloseHandshakeTimeout || transcript.CaseBudgetExceeded;
        var received = transcript.RxOctetStats.Sum(s => (long)s.Key * s.Value);
        var nothingAfterHandshake = transcript.RxFrameStats.Count == 0 && received <= Encoding.UTF8.GetByteCount(transcript.HttpResponse);
        return transcript.ConnectionWasOpen && timedOut && nothingAfterHandshake
            ? "answered the opening handshake, then sent nothing"
            : null;
    }

    /// <summary>True while the run gives up on the target: <see cref="Limit"/> cases in a row went unanswered, the last less than <see cref="RetryAfter"/> before <paramref name="now"/>.</summary>
    public bool Skips(DateTimeOffset now) => GaveUpAt is { } at && now - at < RetryAfter;

    /// <summary>The state after <paramref name="result"/> came, at <paramref name="now"/>.</summary>
    /// <param name="result">A case against the target.</param>
    /// <param name="options">The options it ran with (for the opening-handshake timeout it names).</param>
    /// <param name="now">When the result came.</param>
    public UnansweredStreak After(CaseResult result, FuzzingOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Transcript.ConnectFailed) return this;
        if (Silence(result, options) is not { } silence) return None;
        var next = cases.Count < Limit ? [.. cases, (result.Id.Text, silence)] : cases;
        return new UnansweredStreak(next, next.Count >= Limit ? now : null);
    }

    /// <summary>
    /// The message of a case not tried: the target, what it did not do and in which cases, e.g.
    /// <c>ws://127.0.0.1:9001/ did not answer the opening handshake within 5 s in cases 1.1.1 and 1.1.2; not retried</c>.
    /// </summary>
    public string NotRetried(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (cases.Count == 0) throw new InvalidOperationException("No case went unanswered.");

        // In wstest's order: cases run side by side may end in another order than they started.
        var inOrder = cases.OrderBy(c => Cases.CaseId.TryParse(c.CaseId, out var id) ? id : default).ToArray();
        var what = inOrder.All(c => c.Silence == inOrder[0].Silence)
            ? $"{inOrder[0].Silence} in case{(inOrder.Length > 1 ? "s" : string.Empty)} {string.Join(" and ", inOrder.Select(c => c.CaseId))}"
            : string.Join(" and ", inOrder.Select(c => $"{c.Silence} in case {c.CaseId}"));
        return $"{target} {what}; not retried";
    }
}
