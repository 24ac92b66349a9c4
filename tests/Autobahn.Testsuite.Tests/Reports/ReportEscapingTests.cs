using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Reports;

namespace Autobahn.Testsuite.Tests.Reports;

/// <summary>A hostile server controls close reasons, payloads, headers and (through <c>Server</c>) the agent name.</summary>
public sealed class ReportEscapingTests : IDisposable
{
    private const string Script = "<script>document.title='pwned'</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "autobahn-escaping-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void CasePage_HostileCloseReasonPayloadHeaderAndAgent_AreText()
    {
        var html = CaseReportHtml.Render(Hostile(), "Evil" + Image);

        AssertNoInjectedMarkup(html);
        Assert.Contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Evil&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexAndFiles_HostileAgent_IsTextAndFileNamesAreClean()
    {
        var writer = new ReportWriter(directory);

        var agent = writer.Record(Hostile() with { Agent = "../../Evil" + Image });
        writer.Flush();

        Assert.Equal("../../Evil" + Image, agent);
        var names = Directory.GetFiles(directory).Select(Path.GetFileName).ToList();
        Assert.Contains("evil_img_src_x_onerror_alert_1_case_2_2.html", names);
        Assert.All(Directory.GetFiles(directory), f => Assert.Equal(directory, Path.GetDirectoryName(f)));
        var index = File.ReadAllText(writer.IndexHtmlPath);
        AssertNoInjectedMarkup(index);
        Assert.Contains("../../Evil&lt;img src=x onerror=alert(1)&gt;", index, StringComparison.Ordinal);
        AssertNoInjectedMarkup(File.ReadAllText(Path.Combine(directory, "evil_img_src_x_onerror_alert_1_case_2_2.html")));
    }

    [Fact]
    public void CaseJson_HostileCloseReason_IsAJsonString()
    {
        var json = CaseReportJson.Serialize(Hostile(), "a");

        Assert.Contains("\"remoteCloseReason\": \"<script>document.title='pwned'</script>\"", json, StringComparison.Ordinal);
    }

    /// <summary>A 2.2 result whose server sends a script as close reason, pong payload and header.</summary>
    internal static CaseResult Hostile()
    {
        var ok = ReportSamples.Ok22(closeReason: Script, agent: "Evil" + Image);
        return ok with
        {
            Transcript = ok.Transcript with
            {
                Received = [CaseEvent.Pong(Encoding.UTF8.GetBytes(Script))],
                HttpResponse = ok.Transcript.HttpResponse.Replace("Server: AutobahnServer", "Server: " + Image + Script, StringComparison.Ordinal),
                WireLog = [.. ok.Transcript.WireLog, ReportSamples.Row("RF", ReportSamples.Data("</pre>" + Script), 1, true, 0, false, null)],
            },
        };
    }

    private static void AssertNoInjectedMarkup(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</pre><", html.Replace("</pre>\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
