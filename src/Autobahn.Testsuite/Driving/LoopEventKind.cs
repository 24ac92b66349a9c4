namespace Autobahn.Testsuite.Driving;

/// <summary>What a <see cref="LoopEvent"/> is.</summary>
internal enum LoopEventKind
{
    /// <summary>Nothing to do but look at the timers (a timer fell due, or the run was cancelled).</summary>
    Wake,

    /// <summary>Octets were read.</summary>
    Data,

    /// <summary>The transport's read side ended.</summary>
    EndOfStream,

    /// <summary>The connection's next queued write.</summary>
    ContinueSending,
}
