using Autobahn.Testsuite.Driving;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests.Driving;

/// <summary>
/// A driven connection that arms two timers a millisecond apart — the later one first, so that only due-time order
/// (not arming order) fires the earlier one first — records the order they fire in, and closes when both have.
/// </summary>
internal sealed class TwoTimerConnection(TimeSpan earlierDue) : IDrivenConnection
{
    public const int Earlier = 1;
    public const int Later = 2;

    private readonly List<CoreOutput> outputs = [];
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<int> Fired { get; } = [];

    public bool IsClosed { get; private set; }

    /// <summary>Completes once the timers are armed.</summary>
    public Task Started => started.Task;

    public void FailToConnect(string failure) => throw new InvalidOperationException(failure);

    public void Start(DateTimeOffset startedAt, TimeSpan at)
    {
        outputs.Add(new ArmTimer(Later, at + earlierDue + TimeSpan.FromMilliseconds(1)));
        outputs.Add(new ArmTimer(Earlier, at + earlierDue));
        started.SetResult();
    }

    public void ReceiveData(ReadOnlySpan<byte> chunk, TimeSpan at)
    {
    }

    public void ReceiveEndOfStream(TimeSpan at) => IsClosed = true;

    public void FireTimer(int token, TimeSpan at)
    {
        Fired.Add(token);
        if (Fired.Count == 2)
        {
            IsClosed = true;
            outputs.Add(new CloseTransport(Abort: true));
        }
    }

    public void ContinueSending(TimeSpan at)
    {
    }

    public void Cancel(TimeSpan at) => IsClosed = true;

    public CoreOutput[] TakeOutputs()
    {
        var taken = outputs.ToArray();
        outputs.Clear();
        return taken;
    }
}
