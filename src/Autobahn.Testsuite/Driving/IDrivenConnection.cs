using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Driving;

/// <summary>A sans-I/O connection the <see cref="ConnectionDriver"/> feeds: the case core, or a test double.</summary>
internal interface IDrivenConnection
{
    /// <summary>True once the connection is over; the driver then shuts the transport down.</summary>
    bool IsClosed { get; }

    /// <summary>The transport could not be opened.</summary>
    void FailToConnect(string failure);

    /// <summary>The transport is open.</summary>
    void Start(DateTimeOffset startedAt, TimeSpan at);

    /// <summary>Octets arrived.</summary>
    void ReceiveData(ReadOnlySpan<byte> chunk, TimeSpan at);

    /// <summary>The peer closed the transport, or it broke.</summary>
    void ReceiveEndOfStream(TimeSpan at);

    /// <summary>A timer armed with <see cref="ArmTimer"/> is due.</summary>
    void FireTimer(int token, TimeSpan at);

    /// <summary>The turn asked for with <see cref="ContinueSendingLater"/>.</summary>
    void ContinueSending(TimeSpan at);

    /// <summary>The run was cancelled.</summary>
    void Cancel(TimeSpan at);

    /// <summary>What the connection asked for since the last call, in order.</summary>
    CoreOutput[] TakeOutputs();
}
