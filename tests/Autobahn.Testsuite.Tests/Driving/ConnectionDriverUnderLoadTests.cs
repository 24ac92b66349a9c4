using Autobahn.Testsuite.Driving;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Tests.Robustness;

namespace Autobahn.Testsuite.Tests.Driving;

/// <summary>
/// The driver's timer rule on the real clock with two CPU-burning processes beside the test (issue 11): two timers
/// due a millisecond apart fire in due order however late the loaded thread pool wakes the loop.
/// </summary>
[Collection(CpuLoadCollection.Name)]
[Trait("Category", "Load")]
public sealed class ConnectionDriverUnderLoadTests
{
    [CpuBurnersFact]
    public async Task RunAsync_TwoTimersAMillisecondApartOnTheRealClockUnderCpuLoad_FireInDueOrderInEveryRun()
    {
        const int Runs = 300;
        using var burners = CpuBurners.Start(2);
        var inOrder = 0;
        for (var run = 0; run < Runs; run++)
        {
            var connection = new TwoTimerConnection(TimeSpan.FromMilliseconds(5));
            var (stream, _) = InMemoryDuplexStream.CreatePair();
            await ConnectionDriver.RunAsync(connection, _ => Task.FromResult<Stream>(stream), TimeProvider.System, CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(10));
            if (connection.Fired.SequenceEqual([TwoTimerConnection.Earlier, TwoTimerConnection.Later])) inOrder++;
        }

        Assert.Equal(Runs, inOrder);
    }
}
