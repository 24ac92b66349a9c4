namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The core's timers as requests to the driver: arming one adds an <see cref="ArmTimer"/> output with its due time
/// and keeps what to do when it fires; cancelling adds a <see cref="CancelTimer"/>. Tokens count up from 1, so the
/// driver can order timers due at the same time by arming order.
/// </summary>
internal sealed class CoreTimers(List<CoreOutput> outputs)
{
    private readonly Dictionary<int, Action> armed = [];
    private int lastToken;

    /// <summary>Time since the connection was made, as of the core's latest input.</summary>
    public TimeSpan Now { get; set; }

    public int Arm(TimeSpan delay, Action onExpiry)
    {
        var token = ++lastToken;
        armed[token] = onExpiry;
        outputs.Add(new ArmTimer(token, Now + delay));
        return token;
    }

    public void Cancel(ref int? timer)
    {
        if (timer is { } token && armed.Remove(token)) outputs.Add(new CancelTimer(token));
        timer = null;
    }

    /// <summary>What timer <paramref name="token"/> does, if it is still armed; it is disarmed.</summary>
    public Action? Take(int token) => armed.Remove(token, out var onExpiry) ? onExpiry : null;

    public void CancelAll()
    {
        foreach (var token in armed.Keys) outputs.Add(new CancelTimer(token));
        armed.Clear();
    }
}
