using System.Text;
using Autobahn.Testsuite.Driving;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// Feeds a <see cref="CaseCore"/> by hand on a clock that only moves when a test says so: what the core sends is
/// collected, its timers wait in a <see cref="TimerQueue"/>, and <see cref="Advance"/> fires them in due order.
/// </summary>
internal sealed class CoreHarness
{
    private readonly TimerQueue timers = new();

    public CoreHarness(CaseCore core)
    {
        Core = core;
        Core.Start(DateTimeOffset.UnixEpoch, Now);
        Collect();
    }

    public CaseCore Core { get; }

    public TimeSpan Now { get; private set; }

    /// <summary>Octets the core sent since the last <see cref="TakeSent"/>.</summary>
    public List<byte> Sent { get; } = [];

    /// <summary>The core's request to close the transport, if it made one.</summary>
    public CloseTransport? Closed { get; private set; }

    /// <summary>Every timer the core armed, by token, with its due time.</summary>
    public Dictionary<int, TimeSpan> Armed { get; } = [];

    public void Receive(byte[] octets)
    {
        Core.ReceiveData(octets, Now);
        Collect();
    }

    public void Receive(string text) => Receive(Encoding.ASCII.GetBytes(text));

    public void EndOfStream()
    {
        Core.ReceiveEndOfStream(Now);
        Collect();
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in due order.</summary>
    public void Advance(TimeSpan by)
    {
        var until = Now + by;
        while (!Core.IsClosed && timers.TryPeek(out _, out var due) && due <= until)
        {
            timers.TryTakeDue(due, out var token);
            Now = due;
            Core.FireTimer(token, Now);
            Collect();
        }

        Now = until;
    }

    public byte[] TakeSent()
    {
        var sent = Sent.ToArray();
        Sent.Clear();
        return sent;
    }

    private void Collect()
    {
        var continueSending = false;
        foreach (var output in Core.TakeOutputs())
        {
            switch (output)
            {
                case SendBytes send:
                    Sent.AddRange(send.Bytes);
                    break;
                case ArmTimer arm:
                    timers.Arm(arm.Token, arm.Due);
                    Armed[arm.Token] = arm.Due;
                    break;
                case CancelTimer cancel:
                    timers.Cancel(cancel.Token);
                    break;
                case ContinueSendingLater:
                    continueSending = true;
                    break;
                case CloseTransport close:
                    Closed = close;
                    break;
            }
        }

        if (continueSending)
        {
            Core.ContinueSending(Now);
            Collect();
        }
    }
}
