using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Control;

/// <summary>
/// The results of a fuzzing server, per agent and case (<c>ATS fuzzing.py</c> <c>logCase</c>, <c>addResultListener</c>).
/// A case run again for the same agent replaces its result. Thread-safe.
/// </summary>
internal sealed class ClientResults
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Agent, CaseId Case), CaseResult> results = [];
    private readonly Dictionary<(string Agent, CaseId Case), TaskCompletionSource<CaseResult>> listeners = [];
    private readonly List<CaseResult> inOrder = [];

    /// <summary>Every result in the order the cases ended, the latest run of each (agent, case) only.</summary>
    public IReadOnlyList<CaseResult> All
    {
        get
        {
            lock (gate) return [.. inOrder];
        }
    }

    /// <summary>The agents seen so far.</summary>
    public IReadOnlyList<string> Agents
    {
        get
        {
            lock (gate) return [.. inOrder.Select(r => r.Agent).Distinct(StringComparer.Ordinal)];
        }
    }

    public void Record(CaseResult result)
    {
        TaskCompletionSource<CaseResult>? listener;
        lock (gate)
        {
            var key = (result.Agent, result.Id);
            if (results.Remove(key, out var earlier)) inOrder.Remove(earlier);
            results[key] = result;
            inOrder.Add(result);
            listeners.Remove(key, out listener);
        }

        listener?.TrySetResult(result);
    }

    /// <summary>
    /// The agent's result for the case, now or when it is recorded. As in wstest there is one listener per (agent, case):
    /// a second call before the result exists replaces the first, whose task then never completes.
    /// </summary>
    public Task<CaseResult> WhenRecorded(string agent, CaseId id)
    {
        lock (gate)
        {
            var key = (agent, id);
            if (results.TryGetValue(key, out var result)) return Task.FromResult(result);
            var listener = new TaskCompletionSource<CaseResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            listeners[key] = listener;
            return listener.Task;
        }
    }
}
