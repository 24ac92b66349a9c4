namespace Autobahn.Xunit.Sdk;

/// <summary>
/// The row an <see cref="AutobahnTestCase"/> is running, visible to <see cref="AutobahnRunner"/> through the async flow.
/// xUnit v2 has no dynamic skip: the runner leaves a skip reason here, and the test case reports its passed test as
/// skipped. Outside an Autobahn row there is no context and nothing is skipped.
/// </summary>
internal sealed class AutobahnRowContext
{
    private static readonly AsyncLocal<AutobahnRowContext?> CurrentContext = new();

    /// <summary>The context of the row running on this async flow, if any.</summary>
    public static AutobahnRowContext? Current
    {
        get => CurrentContext.Value;
        set => CurrentContext.Value = value;
    }

    /// <summary>The <see cref="AutobahnExpectAttribute"/>s of the row's method and class.</summary>
    /// <remarks>Read when a case concludes, so that an invalid declaration fails the row that uses it.</remarks>
    public CaseExpectations Expectations => expectations.Value;

    private readonly Lazy<CaseExpectations> expectations;

    /// <summary>A context without expectations.</summary>
    public AutobahnRowContext()
        : this(() => CaseExpectations.None)
    {
    }

    /// <summary>A context whose expectations are read by <paramref name="expectations"/> on first use.</summary>
    public AutobahnRowContext(Func<CaseExpectations> expectations)
    {
        this.expectations = new Lazy<CaseExpectations>(expectations);
    }

    /// <summary>The row's <see cref="AutobahnTheoryAttribute.TimeScale"/>.</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>The row's theory, <c>Namespace.Class.Method</c>; rows of one theory share what they learn about an unanswering target.</summary>
    public string? Theory { get; init; }

    /// <summary>The theory's rows running ahead (an opted-in <see cref="AutobahnTestFramework"/>), or null.</summary>
    public RowPlan? Plan { get; init; }

    /// <summary>Why the plan could not be made (bad <c>AUTOBAHN_CONCURRENCY</c>); the row fails with it.</summary>
    public string? PlanError { get; init; }

    /// <summary>The test run's cancellation, for the cases run ahead (they outlive the row that starts them).</summary>
    public CancellationToken RunCancellation { get; init; }

    /// <summary>Why the row is to be reported as skipped instead of passed; null to report it as it ran.</summary>
    public string? SkipReason { get; set; }
}
