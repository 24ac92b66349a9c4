namespace Autobahn.Testsuite.Tests;

public class TestHostPolicyTests
{
    [Fact]
    public void ThreadPoolMinimum_IsRaisedWhenTheAssemblyLoads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);

        Assert.True(workers >= 32, $"worker minimum {workers}");
        Assert.True(completionPorts >= 32, $"completion-port minimum {completionPorts}");
    }
}
