using Autobahn.Testsuite.Driving;

namespace Autobahn.Testsuite.Tests.Driving;

public sealed class TimerQueueTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void TryTakeDue_TimersArmedOutOfOrder_ComeOutInDueOrder()
    {
        var queue = new TimerQueue();
        queue.Arm(1, 30 * Ms);
        queue.Arm(2, 10 * Ms);
        queue.Arm(3, 20 * Ms);

        Assert.Equal([2, 3, 1], TakeAll(queue, 100 * Ms));
    }

    [Fact]
    public void TryTakeDue_EqualDueTimes_ComeOutInArmingOrder()
    {
        var queue = new TimerQueue();
        queue.Arm(7, 10 * Ms);
        queue.Arm(3, 10 * Ms);
        queue.Arm(5, 10 * Ms);

        Assert.Equal([7, 3, 5], TakeAll(queue, 10 * Ms));
    }

    [Fact]
    public void TryTakeDue_NotYetDue_TakesNothing()
    {
        var queue = new TimerQueue();
        queue.Arm(1, 10 * Ms);

        Assert.False(queue.TryTakeDue(9 * Ms, out _));
        Assert.True(queue.TryTakeDue(10 * Ms, out var token));
        Assert.Equal(1, token);
    }

    [Fact]
    public void Cancel_ArmedTimer_NeverFires()
    {
        var queue = new TimerQueue();
        queue.Arm(1, 10 * Ms);
        queue.Arm(2, 20 * Ms);
        queue.Cancel(1);

        Assert.Equal([2], TakeAll(queue, 100 * Ms));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void TryPeek_AfterCancellingTheEarliest_ReportsTheNext()
    {
        var queue = new TimerQueue();
        queue.Arm(1, 10 * Ms);
        queue.Arm(2, 20 * Ms);
        queue.Cancel(1);

        Assert.True(queue.TryPeek(out var token, out var due));
        Assert.Equal((2, 20 * Ms), (token, due));
    }

    private static List<int> TakeAll(TimerQueue queue, TimeSpan now)
    {
        var tokens = new List<int>();
        while (queue.TryTakeDue(now, out var token)) tokens.Add(token);
        return tokens;
    }
}
