using Autobahn.Testsuite.Driving;
using Autobahn.Testsuite.Fuzzing;
using Microsoft.Extensions.Time.Testing;

namespace Autobahn.Testsuite.Tests.Driving;

/// <summary>
/// The driver's timer rule (issue 11): timers fire in due-time order, as in Twisted's reactor, however late the loop
/// gets to them. With one OS timer each, the thread pool decided (7.7.x came out UNCLEAN on a loaded machine).
/// </summary>
public sealed class ConnectionDriverTimerOrderTests
{
    [Fact]
    public async Task RunAsync_TwoTimersAMillisecondApartOnTheFakeClock_FireInDueOrderInEveryRun()
    {
        const int Runs = 1000;
        var inOrder = 0;
        for (var run = 0; run < Runs; run++)
        {
            var clock = new FakeTimeProvider();
            var connection = new TwoTimerConnection(TimeSpan.FromSeconds(1));
            var (stream, _) = InMemoryDuplexStream.CreatePair();
            var driving = ConnectionDriver.RunAsync(connection, _ => Task.FromResult<Stream>(stream), clock, CancellationToken.None);
            await connection.Started;

            // Both timers become due in one step: the loop sees them together, as a loop that woke late would.
            clock.Advance(TimeSpan.FromSeconds(2));
            await driving.WaitAsync(TimeSpan.FromSeconds(10));
            if (connection.Fired.SequenceEqual([TwoTimerConnection.Earlier, TwoTimerConnection.Later])) inOrder++;
        }

        Assert.Equal(Runs, inOrder);
    }
}
