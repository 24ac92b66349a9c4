using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Autobahn.Reports.BrowserTests;

/// <summary>
/// The HTML report in a real headless browser (the system's Chromium through Playwright): opened from <c>file://</c>
/// with the network off and every request observed, followed from the index to a case page, and attacked with a
/// hostile server's close reason and agent name.
/// </summary>
public sealed class ReportBrowserTests(ReportFixture report) : IClassFixture<ReportFixture>
{
    /// <summary>Set to a path to save a screenshot of <c>index.html</c> there (the README's picture).</summary>
    private const string ScreenshotVariable = "AUTOBAHN_REPORT_SCREENSHOT";

    [ChromiumFact]
    public async Task IndexPage_OfflineAndNoRequests_LinksToACasePageThatShowsTheCase()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;

        await page.GotoAsync(FileUrl(report.IndexHtml));

        Assert.Equal("Autobahn WebSocket Testsuite Report", await page.TitleAsync());
        var agents = await page.Locator("tr.case_category_row").First.Locator("td.agent").AllTextContentsAsync();
        Assert.Equal([ReportFixture.HostileAgent, ReportFixture.EchoAgent], agents); // sorted like wstest (ordinal: 'E' < 'I')
        var row = page.Locator("#case_row_1_1_1");
        Assert.Equal("Case 1.1.1", await row.Locator("td.case").TextContentAsync());
        var pass = row.Locator("td.case_ok a[href='inmemory_case_1_1_1.html']");
        Assert.Equal("Pass", await pass.TextContentAsync());
        Assert.Equal("Missing", await page.Locator("#case_row_5_1 td.case_missing").Last.TextContentAsync());
        Assert.Equal("rgb(0, 170, 0)", await row.Locator("td.case_ok").Last.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));

        if (Environment.GetEnvironmentVariable(ScreenshotVariable) is { Length: > 0 } screenshot)
        {
            await page.SetViewportSizeAsync(960, 640);
            await page.ScreenshotAsync(new() { Path = screenshot, Type = ScreenshotType.Png });
        }

        await pass.ClickAsync();
        await page.WaitForURLAsync("**/inmemory_case_1_1_1.html");

        var summary = await page.Locator("#case_summary").TextContentAsync();
        Assert.StartsWith("InMemory - Case 1.1.1 : Pass - ", summary, StringComparison.Ordinal);
        Assert.Equal(
            ["Opening Handshake", "Closing Behavior", "Wire Statistics", "Wire Log"],
            await page.Locator("h2").AllTextContentsAsync());
        Assert.Contains("Case Description", await page.Locator("p.case_desc").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("[('message', u'', False)]", await page.Locator("#case_observed").TextContentAsync(), StringComparison.Ordinal);
        Assert.StartsWith("GET / HTTP/1.1", await page.Locator("#http_request").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("1000", await ClosingValueAsync(page, "remoteCloseCode"));
        Assert.Equal("True", await ClosingValueAsync(page, "closedByMe"));
        Assert.Equal(4, await page.Locator("h3").CountAsync()); // octets rx/tx by chop size, frames rx/tx by opcode
        Assert.Matches("^\\d{3} TCP DROPPED BY (PEER|ME)$", await page.Locator("#wirelog pre").Last.TextContentAsync());

        await page.Locator("a.up").ClickAsync(); // back to the index
        await page.WaitForURLAsync("**/index.html");

        session.AssertNoNetworkRequests();
    }

    [ChromiumFact]
    public async Task CasePage_HostileCloseReasonAndAgent_ShowAsTextAndNoScriptRuns()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;

        await page.GotoAsync(FileUrl(report.CasePage(ReportFixture.HostileAgent, "1.1.1")));

        Assert.Equal(ReportFixture.HostileReason, await ClosingValueAsync(page, "remoteCloseReason"));
        Assert.StartsWith(ReportFixture.HostileAgent + " - Case 1.1.1", await page.Locator("#case_summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('script, img, iframe, object, embed').length"));
        Assert.True(await page.EvaluateAsync<bool>("typeof window.__pwned === 'undefined'"));

        await page.GotoAsync(FileUrl(report.IndexHtml));
        Assert.Contains(ReportFixture.HostileAgent, await page.Locator("tr.case_category_row").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('script, img').length"));
        Assert.True(await page.EvaluateAsync<bool>("typeof window.__pwned === 'undefined'"));

        session.AssertNoNetworkRequests();
        Assert.Empty(session.Dialogs);
    }

    [ChromiumFact]
    public async Task NetworkObserver_PageThatLoadsAnImage_IsCaught()
    {
        // The control for the assertions above: the observer does see a page's request for a remote resource.
        var directory = Directory.CreateTempSubdirectory("autobahn-browser-control-");
        try
        {
            var path = Path.Combine(directory.FullName, "remote.html");
            await File.WriteAllTextAsync(path, "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/logo.png\"></body></html>");
            await using var session = await BrowserSession.StartAsync();

            await session.Page.GotoAsync(FileUrl(path));
            await session.Page.WaitForLoadStateAsync(LoadState.Load);

            Assert.Contains("http://127.0.0.1:9/logo.png", session.NetworkRequests);
            Assert.Throws<Xunit.Sdk.EmptyException>(session.AssertNoNetworkRequests);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string FileUrl(string path) => new Uri(path).AbsoluteUri;

    private static Task<string?> ClosingValueAsync(IPage page, string key) =>
        page.Locator("#closing_behavior tr.stats_row").Filter(new() { Has = page.Locator($"td:text-is('{key}')") }).Locator("td").Nth(1).TextContentAsync();

    /// <summary>One browser, one offline context, every request that is not a local file recorded and aborted.</summary>
    private sealed class BrowserSession : IAsyncDisposable
    {
        private readonly IPlaywright playwright;
        private readonly IBrowser browser;
        private readonly ConcurrentQueue<string> network = new();
        private readonly ConcurrentQueue<string> dialogs = new();

        private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
        {
            this.playwright = playwright;
            this.browser = browser;
            Page = page;
        }

        public IPage Page { get; }

        public IReadOnlyCollection<string> NetworkRequests => network;

        public IReadOnlyCollection<string> Dialogs => dialogs;

        public static async Task<BrowserSession> StartAsync()
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true });
            var context = await browser.NewContextAsync(new() { Offline = true });
            var page = await context.NewPageAsync();
            var session = new BrowserSession(playwright, browser, page);
            context.Request += (_, request) =>
            {
                if (!request.Url.StartsWith("file:", StringComparison.Ordinal)) session.network.Enqueue(request.Url);
            };
            await context.RouteAsync("**/*", async route =>
            {
                if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
                {
                    await route.ContinueAsync();
                }
                else
                {
                    session.network.Enqueue(route.Request.Url);
                    await route.AbortAsync();
                }
            });
            page.Dialog += (_, dialog) =>
            {
                session.dialogs.Enqueue(dialog.Message);
                _ = dialog.DismissAsync();
            };
            return session;
        }

        public void AssertNoNetworkRequests() => Assert.Empty(network);

        public async ValueTask DisposeAsync()
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
