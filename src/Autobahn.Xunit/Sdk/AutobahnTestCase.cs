using System.ComponentModel;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// One Autobahn case as one test: named <c>2.2 · Send ping with small text payload.</c>, with the traits
/// <c>AutobahnSection</c>, <c>AutobahnCategory</c> and <c>AutobahnCase</c>. The row's only argument is the case id
/// string; everything else is looked up in the catalog, so the test case serializes as xUnit needs it to.
/// </summary>
internal sealed class AutobahnTestCase : XunitTestCase
{
    /// <summary>Trait holding the section number, e.g. "6".</summary>
    public const string SectionTrait = "AutobahnSection";

    /// <summary>Trait holding the section name, e.g. "UTF-8 Handling".</summary>
    public const string CategoryTrait = "AutobahnCategory";

    /// <summary>Trait holding the case id, e.g. "6.4.3".</summary>
    public const string CaseTrait = "AutobahnCase";

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

    /// <summary>The rows of this theory that run ahead, set by <see cref="AutobahnTestFrameworkExecutor"/>; not serialized.</summary>
    internal RowPlan? Plan { get; set; }

    /// <summary>Why no plan could be made; the row fails with it.</summary>
    internal string? PlanError { get; set; }

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
        // Set on this async flow, the context flows into the test method; the change is undone when this method returns.
        var theory = TestMethod.Method.GetCustomAttributes(typeof(AutobahnTheoryAttribute))
            .OfType<IReflectionAttributeInfo>().Select(a => a.Attribute).OfType<AutobahnTheoryAttribute>().FirstOrDefault();
        var context = new AutobahnRowContext(() => CaseExpectations.For(TestMethod))
        {
            TimeScale = theory?.TimeScale ?? 1,
            Theory = TestMethod.TestClass.Class.Name + "." + TestMethod.Method.Name,
            Plan = Plan,
            PlanError = PlanError,
            RunCancellation = cancellationTokenSource.Token,
        };
        AutobahnRowContext.Current = context;
        using var bus = new SkippingMessageBus(messageBus, context);
        var summary = await base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource);
        summary.Skipped += bus.SkippedCount;
        return summary;
    }

    /// <summary>
    /// Prefixed with the case's position in wstest's list, so that xUnit's default orderer (which sorts test cases by
    /// unique id) runs the rows in wstest's order instead of a hash order.
    /// </summary>
    protected override string GetUniqueID() =>
        CaseDisplay.RunOrder(CaseId).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-" + base.GetUniqueID();

    /// <inheritdoc />
    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => CaseDisplay.DisplayName(CaseId);

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute) ?? dataSkipReason ?? EnvironmentSkipReason(factAttribute)!; // xUnit v2 is not annotated: null means "not skipped"

    /// <inheritdoc />
    protected override void Initialize()
    {
        base.Initialize();
        AddTrait(CaseTrait, CaseId);
        if (Testsuite.Cases.CaseId.TryParse(CaseId, out var id)) AddTrait(SectionTrait, id.Section.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (CaseDisplay.TryGetText(CaseId) is { } text) AddTrait(CategoryTrait, text.Category);
    }

    private static string? EnvironmentSkipReason(IAttributeInfo factAttribute)
    {
        var variable = factAttribute is IReflectionAttributeInfo { Attribute: AutobahnTheoryAttribute theory } ? theory.SkipUnlessEnvironment : null;
        return string.IsNullOrEmpty(variable) || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable))
            ? null
            : AutobahnTheoryAttribute.EnvironmentSkipReason(variable);
    }

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
