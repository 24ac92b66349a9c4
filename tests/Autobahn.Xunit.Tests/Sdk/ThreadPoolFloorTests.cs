using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class ThreadPoolFloorTests
{
    [Fact]
    public void Ensure_RaisesTheMinimumsToTheFloor_AndNeverLowersThem()
    {
        ThreadPoolFloor.Ensure();
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        Assert.True(workers >= ThreadPoolFloor.MinimumThreads, $"{workers}");
        Assert.True(completionPorts >= ThreadPoolFloor.MinimumThreads, $"{completionPorts}");

        ThreadPoolFloor.Ensure();
        ThreadPool.GetMinThreads(out var again, out var againPorts);
        Assert.Equal((workers, completionPorts), (again, againPorts));
    }
}
