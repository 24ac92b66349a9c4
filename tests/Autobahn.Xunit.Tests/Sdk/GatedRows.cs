namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>
/// Rows run as <see cref="Autobahn.Xunit.Sdk.AutobahnTestMethodRunner"/> runs them when concurrent: started in order,
/// each once fewer than <c>degree</c> are running; for the tests of the runner's parts without xUnit around them.
/// </summary>
internal static class GatedRows
{
    /// <summary>Runs <paramref name="row"/> for each id, at most <paramref name="degree"/> at a time; the results in the ids' order.</summary>
    public static async Task<TResult[]> RunAsync<TResult>(IReadOnlyList<string> ids, int degree, Func<string, Task<TResult>> row)
    {
        using var gate = new SemaphoreSlim(degree);
        var running = new List<Task<TResult>>(ids.Count);
        foreach (var id in ids)
        {
            await gate.WaitAsync();
            running.Add(RunReleasingAsync(id));
        }

        return await Task.WhenAll(running);

        async Task<TResult> RunReleasingAsync(string id)
        {
            try
            {
                await Task.Yield(); // off the loop's flow, so that the next row starts while this one waits
                return await row(id);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
