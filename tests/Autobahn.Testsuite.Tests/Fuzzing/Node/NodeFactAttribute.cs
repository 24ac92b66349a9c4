namespace Autobahn.Testsuite.Tests.Fuzzing.Node;

/// <summary>A fact that is reported as skipped, with the reason, where node or npm is not on the PATH (never a silent pass).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        var missing = new[] { "node", "npm" }.Where(tool => NodeWssServer.FindOnPath(tool) is null).ToArray();
        if (missing.Length > 0) Skip = $"{string.Join(" and ", missing)} not found on the PATH: the node ws tests need them";
    }
}
