using System.Net.WebSockets;
using Autobahn.Samples.EchoServer;

namespace Autobahn.Xunit.Tests.Sdk;

/// <summary>In-memory endpoints for rows (<see cref="AutobahnRunner.RunAsync(string, Func{WebSocket, CancellationToken, Task}, Autobahn.Testsuite.FuzzingOptions?, CancellationToken)"/>).</summary>
internal static class InMemoryEcho
{
    /// <summary>Waits <paramref name="delay"/> (a slow server), then echoes as the sample app does (<see cref="EchoApp.EchoAsync"/>).</summary>
    public static Func<WebSocket, CancellationToken, Task> After(TimeSpan delay) => async (socket, cancellationToken) =>
    {
        await Task.Delay(delay, cancellationToken);
        await EchoApp.EchoAsync(socket, cancellationToken);
    };
}

/// <summary>When each row of a fixture ran (its test method's body), to see which rows overlapped.</summary>
internal sealed class RowTimeline
{
    private readonly Lock gate = new();
    private readonly List<(string CaseId, long Start, long End)> rows = [];
    private int active;

    /// <summary>The most rows that were running at once.</summary>
    public int MostAtOnce { get; private set; }

    /// <summary>The rows that ran, with their start and end (<see cref="System.Diagnostics.Stopwatch"/> timestamps).</summary>
    public IReadOnlyList<(string CaseId, long Start, long End)> Rows
    {
        get
        {
            lock (gate) return [.. rows];
        }
    }

    /// <summary>Runs <paramref name="body"/> as the row of <paramref name="caseId"/>, recording when it ran.</summary>
    public async Task RunAsync(string caseId, Func<Task> body)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        lock (gate) MostAtOnce = Math.Max(MostAtOnce, ++active);
        try
        {
            await body();
        }
        finally
        {
            lock (gate)
            {
                active--;
                rows.Add((caseId, start, System.Diagnostics.Stopwatch.GetTimestamp()));
            }
        }
    }

    /// <summary>The rows that ran while <paramref name="caseId"/>'s row ran.</summary>
    public IReadOnlyList<string> OverlappedBy(string caseId)
    {
        var all = Rows;
        var (_, start, end) = all.Single(r => r.CaseId == caseId);
        return [.. all.Where(r => r.CaseId != caseId && r.Start < end && start < r.End).Select(r => r.CaseId)];
    }

    /// <summary>Forgets what ran (before another run of the same fixture).</summary>
    public void Clear()
    {
        lock (gate)
        {
            rows.Clear();
            active = 0;
            MostAtOnce = 0;
        }
    }
}
