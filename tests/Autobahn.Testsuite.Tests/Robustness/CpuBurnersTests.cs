using System.Diagnostics;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>The load generator of the timer and never-dropping-server tests: it burns CPU, and it leaves nothing behind.</summary>
[Collection(CpuLoadCollection.Name)]
public class CpuBurnersTests
{
    [CpuBurnersFact]
    public async Task Start_TwoBurners_BusyUntilDisposeKillsExactlyThem()
    {
        int[] ids;
        using (var burners = CpuBurners.Start(2))
        {
            ids = [.. burners.ProcessIds];
            await Task.Delay(TimeSpan.FromMilliseconds(500));

            burners.AssertRunning();
            Assert.Equal(2, ids.Distinct().Count());
            Assert.DoesNotContain(Environment.ProcessId, ids);
            // Two busy processes for half a second: well over 0.1 CPU-s even on one loaded core.
            Assert.True(burners.TotalProcessorTime() > TimeSpan.FromMilliseconds(100), $"burners used only {burners.TotalProcessorTime()}");
        }

        Assert.All(ids, id => Assert.False(IsRunning(id), $"burner {id} still runs after dispose"));
    }

    [CpuBurnersFact]
    public async Task Start_HostProcessEnds_BurnersExitByThemselves()
    {
        // A stand-in for the test host: when it dies without disposing the burners, they must not spin on for ever.
        using var host = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "sleep 60" }, UseShellExecute = false })!;
        using var burners = CpuBurners.Start(2, host.Id);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        burners.AssertRunning();

        host.Kill(entireProcessTree: true);
        await host.WaitForExitAsync();

        var deadline = Stopwatch.StartNew();
        while (burners.ProcessIds.Any(IsRunning) && deadline.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(20);
        Assert.All(burners.ProcessIds, id => Assert.False(IsRunning(id), $"burner {id} still runs {deadline.Elapsed} after its host ended"));
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
