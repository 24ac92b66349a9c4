namespace Autobahn.Testsuite.Tests.Compression.DataSets;

/// <summary>The <see cref="TheoryAttribute"/> counterpart of <see cref="SharedDataFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the shared data folder is missing.</summary>
    public SharedDataTheoryAttribute()
    {
        if (SharedDataFolder.Path is null)
        {
            Skip = "wstest's original payload files (shared/autobahn/data, third-party content, not in the repository) were not found above " + AppContext.BaseDirectory;
        }
    }
}
