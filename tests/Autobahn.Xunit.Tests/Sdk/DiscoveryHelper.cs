using Autobahn.Xunit.Sdk;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>Runs <see cref="AutobahnTheoryDiscoverer"/> on a fixture method with xUnit's reflection abstractions.</summary>
internal static class DiscoveryHelper
{
    /// <summary>The rows of a method of <see cref="DiscoveryFixtures"/>.</summary>
    public static IReadOnlyList<IXunitTestCase> Discover(string methodName) => Discover(typeof(DiscoveryFixtures), methodName);

    /// <summary>The rows of <paramref name="type"/>'s <paramref name="methodName"/>, in xUnit's order of running (unique id).</summary>
    public static IReadOnlyList<IXunitTestCase> Discover(Type type, string methodName)
    {
        var testMethod = TestMethod(type, methodName);
        var theory = testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Single();
        var discoverer = new AutobahnTheoryDiscoverer(new NullSink());
        return [.. discoverer.Discover(new DiscoveryOptions(), testMethod, theory)];
    }

    public static ITestMethod TestMethod(string methodName) => TestMethod(typeof(DiscoveryFixtures), methodName);

    public static ITestMethod TestMethod(Type type, string methodName)
    {
        var assembly = new TestAssembly(Reflector.Wrap(type.Assembly));
        var collection = new TestCollection(assembly, null, "Autobahn discovery");
        var testClass = new TestClass(collection, Reflector.Wrap(type));
        return new TestMethod(testClass, Reflector.Wrap(type.GetMethod(methodName) ?? throw new ArgumentException(methodName)));
    }

    private sealed class NullSink : LongLivedMarshalByRefObject, IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message) => true;
    }

    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        private readonly Dictionary<string, object?> values = new() { ["xunit.discovery.PreEnumerateTheories"] = true };

        public TValue GetValue<TValue>(string name) => values.TryGetValue(name, out var value) && value is TValue typed ? typed : default!;

        public void SetValue<TValue>(string name, TValue value) => values[name] = value;
    }
}
