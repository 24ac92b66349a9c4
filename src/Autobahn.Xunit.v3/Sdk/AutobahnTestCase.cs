using System.ComponentModel;
using Xunit.Sdk;
using Xunit.v3;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// One Autobahn case as one test. The row's only argument is the case id string; everything else is looked up in the
/// catalog, so the test case serializes as xUnit needs it to. It runs itself in order to bound how many rows of its
/// theory run at once (<see cref="TheoryGates"/>) when xUnit runs the rows in parallel (parallel mode "all").
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
#pragma warning disable S107 // xUnit's own constructor has as many.
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
#pragma warning restore S107
    {
    }

    /// <summary>The case id of the row.</summary>
    public string CaseId => TestMethodArguments is [string id, ..] ? id : string.Empty;

    /// <summary>The theory's <see cref="AutobahnTheoryAttribute"/>.</summary>
    public AutobahnTheoryAttribute? Theory => TestMethod.FactAttributes.OfType<AutobahnTheoryAttribute>().FirstOrDefault();

    /// <summary>
    /// Runs the row as xUnit runs any test case. When xUnit runs the theory's rows in parallel, the row first waits for
    /// one of the theory's <see cref="TheoryGates"/> slots, so that at most the theory's degree of cases run at once.
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

        // Sequential rows need no gate: xUnit already runs them one at a time, and so do skipped rows, which run nothing.
        var gated = parallelMode == ParallelMode.All && !DisableParallelization && SkipReason is null;
        SemaphoreSlim? gate = null;
        if (gated)
        {
            try
            {
                gate = TheoryGates.For(this);
            }
            catch (ArgumentException e)
            {
                // A bad AUTOBAHN_CONCURRENCY: the row fails with the reason, as in the v2 adapter.
                return XunitRunnerHelper.FailTestCases(messageBus, cancellationTokenSource, [this], e, sendTestCollectionMessages: false, sendTestClassMessages: false, sendTestMethodMessages: false, sendTestCaseMessages: true, sendTestMessages: true);
            }

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
