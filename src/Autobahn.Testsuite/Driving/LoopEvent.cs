namespace Autobahn.Testsuite.Driving;

/// <summary>An input queued for the driver's loop.</summary>
internal readonly record struct LoopEvent(LoopEventKind Kind, byte[] Data)
{
    public static LoopEvent Wake { get; } = new(LoopEventKind.Wake, []);

    public static LoopEvent EndOfStream { get; } = new(LoopEventKind.EndOfStream, []);

    public static LoopEvent ContinueSending { get; } = new(LoopEventKind.ContinueSending, []);

    public static LoopEvent Received(byte[] data) => new(LoopEventKind.Data, data);
}
