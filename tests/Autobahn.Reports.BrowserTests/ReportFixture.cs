using System.Net.WebSockets;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Reports;

namespace Autobahn.Reports.BrowserTests;

/// <summary>
/// A report written the way a test run writes it: real cases of sections 1–4 run against two WebSocket handlers in
/// memory — a correct echo handler ("InMemory") and a hostile one whose agent name and close reason carry markup
/// and script — recorded by a <see cref="ReportWriter"/> into a temporary directory.
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    /// <summary>The hostile handler's close reason (at most 123 bytes, as RFC 6455 §5.5 allows).</summary>
    public const string HostileReason = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    /// <summary>The hostile handler's agent name.</summary>
    public const string HostileAgent = "Evil<script>window.__pwned=3</script>";

    /// <summary>The correct handler's agent name.</summary>
    public const string EchoAgent = "InMemory";

    /// <summary>Where the report is.</summary>
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "autobahn-browser-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary><c>index.html</c>.</summary>
    public string IndexHtml => Path.Combine(Directory, ReportWriter.HtmlFileName);

    /// <summary>The page of a case for an agent.</summary>
    public string CasePage(string agent, string caseId) => Path.Combine(Directory, ReportFileNames.CaseHtml(agent, CaseId.Parse(caseId)));

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var writer = new ReportWriter(Directory);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        foreach (var definition in CaseCatalog.All.Where(d => d.Id.Section <= 4))
        {
            writer.Record(await Fuzzer.RunCaseAsync(definition.Id.Text, (ws, ct) => EchoAsync(ws, null, ct), new FuzzingOptions { Agent = EchoAgent }, guard.Token));
        }

        foreach (var id in new[] { "1.1.1", "1.1.2", "2.1", "2.2" })
        {
            writer.Record(await Fuzzer.RunCaseAsync(id, (ws, ct) => EchoAsync(ws, HostileReason, ct), new FuzzingOptions { Agent = HostileAgent }, guard.Token));
        }

        writer.Flush();
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Echoes every message; answers a close with the peer's code, or with 1001 and <paramref name="closeReason"/> when given.</summary>
    private static async Task EchoAsync(WebSocket ws, string? closeReason, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await ws.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        if (closeReason is null) await ws.CloseOutputAsync(ws.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                        else await ws.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, closeReason, cancellationToken);
                        return;
                    }

                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                await ws.SendAsync(message.ToArray(), received.MessageType, endOfMessage: true, cancellationToken);
            }
        }
        catch (WebSocketException)
        {
            // A protocol violation by the fuzzer: the WebSocket has already failed the connection.
        }
    }
}
