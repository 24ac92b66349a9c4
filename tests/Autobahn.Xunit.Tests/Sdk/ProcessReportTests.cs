using Autobahn.Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

public class ProcessReportTests
{
    [Fact]
    public void DefaultDirectory_NoEnvironment_IsBesideTheAssembly()
    {
        if (Environment.GetEnvironmentVariable(ProcessReport.DirectoryVariable) is { Length: > 0 }) return;

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "autobahn-reports"), ProcessReport.DefaultDirectory());
    }

    [Fact]
    public void Shared_IsOneWriter_InTheDefaultDirectory()
    {
        Assert.Same(ProcessReport.Shared, ProcessReport.Shared);
        Assert.Equal(Path.GetFullPath(ProcessReport.DefaultDirectory()), ProcessReport.Shared.Directory);
    }
}
