using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Control;

/// <summary>One caller waiting for one case.</summary>
internal sealed class CaseClaim(string agent, CaseId id, FuzzingOptions options)
{
    private readonly TaskCompletionSource connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<CaseResult> result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Agent => agent;

    public CaseId Case => id;

    public FuzzingOptions Options => options;

    public bool IsConnected => connected.Task.IsCompleted;

    /// <summary>Completes when the client's <c>/runCase</c> request has arrived.</summary>
    public Task Connected => connected.Task;

    /// <summary>Completes with the case's result when its connection is gone.</summary>
    public Task<CaseResult> Result => result.Task;

    public Task Finished => finished.Task;

    public void MarkConnected() => connected.TrySetResult();

    public void Complete(CaseResult caseResult) => result.TrySetResult(caseResult);

    public void Finish() => finished.TrySetResult();
}
