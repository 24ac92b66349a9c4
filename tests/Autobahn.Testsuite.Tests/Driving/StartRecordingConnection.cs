using Autobahn.Testsuite.Driving;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Tests.Driving;

/// <summary>A driven connection that records how it started (or failed to connect) and closes at once.</summary>
internal sealed class StartRecordingConnection : IDrivenConnection
{
    private readonly List<CoreOutput> outputs = [];

    public bool IsClosed { get; private set; }

    public string? Failure { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public TimeSpan? StartedAtElapsed { get; private set; }

    public void FailToConnect(string failure)
    {
        Failure = failure;
        IsClosed = true;
    }

    public void Start(DateTimeOffset startedAt, TimeSpan at)
    {
        StartedAt = startedAt;
        StartedAtElapsed = at;
        IsClosed = true;
        outputs.Add(new CloseTransport(Abort: true));
    }

    public void ReceiveData(ReadOnlySpan<byte> chunk, TimeSpan at)
    {
    }

    public void ReceiveEndOfStream(TimeSpan at) => IsClosed = true;

    public void FireTimer(int token, TimeSpan at)
    {
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
