using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The events a case records (<c>case.py</c> <c>received</c>: messages, pongs, timeouts), with a bound wstest does
/// not have: no case expects more than a few events of at most 256 KiB together, so a peer flooding the fuzzer has
/// failed already, and the fuzzer drops the connection instead of growing the list.
/// </summary>
internal sealed class ReceivedEvents(long maxOctets)
{
    /// <summary>The most messages and pongs kept.</summary>
    public const int MaxEvents = 10_000;

    private readonly List<CaseEvent> events = [];
    private long octets;

    /// <summary>Why the last <see cref="TryAdd"/> refused, for the peer named <paramref name="peer"/>.</summary>
    public string OverflowReason(string peer) =>
        $"the {peer} sent more than {MaxEvents} messages and pongs or more than {maxOctets} octets in them; the fuzzer keeps no more";

    /// <summary>Records an event; false once the events exceed the bound (the event is kept, the case must end).</summary>
    public bool TryAdd(CaseEvent caseEvent)
    {
        events.Add(caseEvent);
        octets += caseEvent.Payload.Length;
        return events.Count <= MaxEvents && octets <= maxOctets;
    }

    /// <summary>A timer row (<c>case.py</c> records those too); not counted against the bound's octets.</summary>
    public void AddTimeout(string tag) => events.Add(CaseEvent.Timeout(tag));

    /// <summary><c>case.py</c> finishWhenDone's test: the events so far equal every expected outcome's.</summary>
    public bool MatchAll(IReadOnlyList<CaseOutcome> expected) => expected.All(outcome => outcome.Events.SequenceEqual(events));

    public CaseEvent[] ToArray() => [.. events];
}
