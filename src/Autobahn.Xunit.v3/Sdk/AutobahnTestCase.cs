using System.ComponentModel;
using Xunit.Sdk;
using Xunit.v3;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// One Autobahn case as one test. The row's only argument is the case id string; everything else is looked up in the
/// catalog, so the test case serializes as xUnit needs it to. It runs itself in order to wait for a slot of its
/// theory's <see cref="Gate"/> when <see cref="AutobahnTestClassRunner"/> runs the theory's rows concurrently.
/// </summary>
internal sealed class AutobahnTestCase : XunitTestCase, ISelfExecutingXunitTestCase
{
    /// <summary>For the deserializer only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public AutobahnTestCase()
    {
    }

    /// <summary>Creates the test of one row; the parameters are <see cref="XunitTestCase"/>'s.</summary>
    public AutobahnTestCase(
        IXunitTestMethod testMethod,
        string testCaseDisplayName,
        string uniqueID,
        bool @explicit,
        string? testLabel,
        bool disableParallelization,
        Type[]? skipExceptions,
        string? skipReason,
        Type? skipType,
        string? skipUnless,
        string? skipWhen,
        Dictionary<string, HashSet<string>>? traits,
        object?[]? testMethodArguments,
        string? sourceFilePath,
        int? sourceLineNumber,
        int? timeout)
        : base(testMethod, testCaseDisplayName, uniqueID, @explicit, testLabel, disableParallelization, skipExceptions, skipReason, skipType, skipUnless, skipWhen, traits, testMethodArguments, sourceFilePath, sourceLineNumber, timeout)
    {
    }

    /// <summary>The case id of the row.</summary>
    public string CaseId => TestMethodArguments is [string id, ..] ? id : string.Empty;

    /// <summary>
    /// The run of the theory this row belongs to, set by <see cref="AutobahnTestClassRunner"/> for each run of the
    /// theory; not serialized. Null without the package's test framework (<see cref="XunitRows.Find"/> then takes the one per
    /// theory for the process).
    /// </summary>
    internal TheoryRun? TheoryRun { get; set; }

    /// <summary>
    /// As many slots as the theory's rows may run at once, set by <see cref="AutobahnTestClassRunner"/> while it runs
    /// them concurrently; null when they run one after another. Not serialized.
    /// </summary>
    internal SemaphoreSlim? Gate { get; set; }

    /// <summary>The theory's <see cref="AutobahnTheoryAttribute"/>.</summary>
    public AutobahnTheoryAttribute? Theory => TestMethod.FactAttributes.OfType<AutobahnTheoryAttribute>().FirstOrDefault();

    /// <summary>
    /// Runs the row as xUnit runs any test case. When its theory's rows run concurrently, the row first waits for a slot
    /// of the <see cref="Gate"/>, so that at most the theory's degree of cases run at once; the gate lets waiters in
    /// first come, first served, and xUnit starts the rows in wstest's order, so they start in that order.
    /// </summary>
    public async ValueTask<RunSummary> Run(
        ExplicitOption explicitOption,
        IMessageBus messageBus,
        object?[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource,
        ParallelMode parallelMode,
        ExecutionScheduler scheduler,
        FixtureMappingManager methodFixtureMappings)
    {
        ArgumentNullException.ThrowIfNull(cancellationTokenSource);

        // Rows that run one at a time need no slot, and neither do skipped rows, which run nothing.
        var gate = parallelMode == ParallelMode.All && !DisableParallelization && SkipReason is null ? Gate : null;
        if (gate is not null)
        {
            try
            {
                await gate.WaitAsync(cancellationTokenSource.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return new RunSummary();
            }
        }

        try
        {
            return await XunitRunnerHelper.RunXunitTestCase(this, messageBus, cancellationTokenSource, parallelMode, scheduler, aggregator, explicitOption, constructorArguments, methodFixtureMappings).ConfigureAwait(false);
        }
        finally
        {
            gate?.Release();
        }
    }
}
