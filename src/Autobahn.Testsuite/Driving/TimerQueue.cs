namespace Autobahn.Testsuite.Driving;

/// <summary>
/// The driver's one timer queue, in Twisted's reactor order: by due time, and timers due at the same time in the
/// order they were armed. One queue instead of one OS timer each is what makes two timers a millisecond apart fire
/// in due order however late the thread pool runs (issue 11: 7.7.x's killAfter against serverConnectionDropTimeout).
/// </summary>
internal sealed class TimerQueue
{
    private readonly PriorityQueue<int, (TimeSpan Due, long Order)> queue = new();
    private readonly Dictionary<int, TimeSpan> armed = [];
    private long armedCount;

    public int Count => armed.Count;

    public void Arm(int token, TimeSpan due)
    {
        armed[token] = due;
        queue.Enqueue(token, (due, armedCount++));
    }

    public void Cancel(int token) => armed.Remove(token);

    /// <summary>The earliest armed timer, if any.</summary>
    public bool TryPeek(out int token, out TimeSpan due)
    {
        while (queue.TryPeek(out token, out var priority))
        {
            if (armed.TryGetValue(token, out due) && due == priority.Due) return true;
            queue.Dequeue(); // cancelled, or re-armed with another due time
        }

        due = default;
        return false;
    }

    /// <summary>Takes the earliest timer when it is due at <paramref name="now"/>.</summary>
    public bool TryTakeDue(TimeSpan now, out int token)
    {
        if (TryPeek(out token, out var due) && due <= now)
        {
            queue.Dequeue();
            armed.Remove(token);
            return true;
        }

        token = 0;
        return false;
    }
}
