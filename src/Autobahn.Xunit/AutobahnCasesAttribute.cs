using System.Reflection;
using Autobahn.Xunit.Sdk;
using Xunit.Sdk;

namespace Autobahn.Xunit;

// The xUnit v2 part of the attribute; its patterns and the rest are in Common/AutobahnCasesAttribute.cs.
public sealed partial class AutobahnCasesAttribute : DataAttribute
{
    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        CasePatterns.Resolve(Patterns, Exclude).Select(id => new object[] { id.Text });
}
