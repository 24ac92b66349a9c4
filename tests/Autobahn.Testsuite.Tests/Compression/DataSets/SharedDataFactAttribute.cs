namespace Autobahn.Testsuite.Tests.Compression.DataSets;

/// <summary>
/// A <see cref="FactAttribute"/> that skips, with the reason shown in the test results, when wstest's original payload
/// files (<see cref="SharedDataFolder"/>) are not available. xUnit v2 has no dynamic skip, and a test that just returns
/// would pass without checking anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the shared data folder is missing.</summary>
    public SharedDataFactAttribute()
    {
        if (SharedDataFolder.Path is null)
        {
            Skip = "wstest's original payload files (shared/autobahn/data, third-party content, not in the repository) were not found above " + AppContext.BaseDirectory;
        }
    }
}
