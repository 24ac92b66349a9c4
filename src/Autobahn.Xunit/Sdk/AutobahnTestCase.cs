using System.ComponentModel;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// One Autobahn case as one test: named <c>2.2 · Send ping with small text payload.</c>, with the traits
/// <c>AutobahnSection</c>, <c>AutobahnCategory</c> and <c>AutobahnCase</c> (<see cref="RowTraits"/>). The row's only argument is the case id
/// string; everything else is looked up in the catalog, so the test case serializes as xUnit needs it to.
/// </summary>
internal sealed class AutobahnTestCase : XunitTestCase
{
    private string? dataSkipReason;

    /// <summary>For the deserializer only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public AutobahnTestCase()
    {
    }

    /// <summary>Creates the test of one row.</summary>
    public AutobahnTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        object[] testMethodArguments,
        string? skipReason = null)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments)
    {
        dataSkipReason = skipReason;
    }

    /// <summary>
    /// The run of the theory this row belongs to, set by <see cref="AutobahnTestMethodRunner"/>; without the Autobahn
    /// test framework, one run per theory and process (<see cref="TheoryRuns"/>). Not serialized.
    /// </summary>
    internal TheoryRun? TheoryRun { get; set; }

    /// <summary>The case id of the row.</summary>
    public string CaseId => TestMethodArguments is [string id, ..] ? id : string.Empty;

    /// <inheritdoc />
    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("AutobahnSkipReason", dataSkipReason);
    }

    /// <inheritdoc />
    public override void Deserialize(IXunitSerializationInfo data)
    {
        // First: XunitTestCase.Deserialize sets Timeout, whose setter initializes the test case (and so its skip reason).
        dataSkipReason = data.GetValue<string>("AutobahnSkipReason");
        base.Deserialize(data);
    }

    /// <inheritdoc />
    public override async Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink,
        IMessageBus messageBus,
        object[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource)
    {
        // The row's settings travel with its argument: a case id string of the row's own (XunitRows).
        var theory = TheoryAttributeOf(TestMethod);
        var settings = new RowSettings(() => ExpectationsOf(TestMethod), theory?.TimeScale ?? 1, TheoryRun ?? TheoryRuns.For(TestMethod));
        var declared = TestMethodArguments;
        var argument = XunitRows.Register(CaseId, settings);
        TestMethodArguments = [argument, .. declared.Skip(1)];
        try
        {
            using var bus = new UnimplementedAsSkippedMessageBus(messageBus);
            var summary = await base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource);
            summary.Failed -= bus.SkippedCount;
            summary.Skipped += bus.SkippedCount;
            return summary;
        }
        finally
        {
            TestMethodArguments = declared;
            XunitRows.Unregister(argument);
        }
    }

    /// <summary>The <see cref="AutobahnTheoryAttribute"/> of <paramref name="testMethod"/>, if any.</summary>
    internal static AutobahnTheoryAttribute? TheoryAttributeOf(ITestMethod testMethod) =>
        testMethod.Method.GetCustomAttributes(typeof(AutobahnTheoryAttribute))
            .OfType<IReflectionAttributeInfo>().Select(a => a.Attribute).OfType<AutobahnTheoryAttribute>().FirstOrDefault();

    /// <summary>The expectations declared on <paramref name="testMethod"/> and its class.</summary>
    /// <exception cref="ArgumentException">An attribute is invalid.</exception>
    internal static CaseExpectations ExpectationsOf(ITestMethod testMethod) =>
        testMethod.Method is IReflectionMethodInfo method && testMethod.TestClass.Class is IReflectionTypeInfo type
            ? CaseExpectations.For(method.MethodInfo, type.Type)
            : CaseExpectations.None;

    /// <summary>
    /// Prefixed with the case's position in wstest's list, so that xUnit's default orderer (which sorts test cases by
    /// unique id) runs the rows in wstest's order instead of a hash order.
    /// </summary>
    protected override string GetUniqueID() => RowTraits.OrderPrefix(CaseId) + base.GetUniqueID();

    /// <inheritdoc />
    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => CaseDisplay.DisplayName(CaseId);

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute) ?? dataSkipReason ?? EnvironmentSkipReason(factAttribute)!; // xUnit v2 is not annotated: null means "not skipped"

    /// <inheritdoc />
    protected override void Initialize()
    {
        base.Initialize();
        foreach (var (name, value) in RowTraits.Of(CaseId)) AddTrait(name, value);
    }

    private static string? EnvironmentSkipReason(IAttributeInfo factAttribute) =>
        RowTraits.EnvironmentSkipReason(factAttribute is IReflectionAttributeInfo { Attribute: AutobahnTheoryAttribute theory } ? theory.SkipUnlessEnvironment : null);

    private void AddTrait(string name, string value)
    {
        if (!Traits.TryGetValue(name, out var values))
        {
            values = [];
            Traits.Add(name, values);
        }

        if (!values.Contains(value)) values.Add(value);
    }
}
