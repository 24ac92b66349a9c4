using System.Net.WebSockets;
using Autobahn.Samples.EchoServer;

namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>In-memory handlers for the timing subjects: a slow but correct echo, and one that drops the connection.</summary>
internal static class DelayedEcho
{
    /// <summary>Waits <paramref name="delay"/> (a slow server), then echoes as the sample app does.</summary>
    public static Func<WebSocket, CancellationToken, Task> After(TimeSpan delay) => async (socket, cancellationToken) =>
    {
        await Task.Delay(delay, cancellationToken);
        await EchoApp.EchoAsync(socket, cancellationToken);
    };

    /// <summary>Returns at once, so the connection drops before any echo: a case that expects one is FAILED.</summary>
    public static Task DropsAsync(WebSocket socket, CancellationToken cancellationToken) => Task.CompletedTask;
}
