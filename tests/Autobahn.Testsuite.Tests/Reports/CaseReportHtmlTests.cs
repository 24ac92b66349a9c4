using System.Text.RegularExpressions;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Reports;

namespace Autobahn.Testsuite.Tests.Reports;

public class CaseReportHtmlTests
{
    [Fact]
    public void Render_Ok22_ShowsEverySectionOfWstestsCasePage()
    {
        var html = CaseReportHtml.Render(ReportSamples.Ok22(), ReportSamples.Agent);

        string[] sections =
        [
            "<b>Case Description</b>", "<b>Case Expectation</b>", "<b>Case Outcome</b>", "<i>Expected:</i>", "<i>Observed:</i>",
            "<b>Case Closing Behavior</b>", "<h2>Opening Handshake</h2>", "<h2>Closing Behavior</h2>", "<h2>Wire Statistics</h2>",
            "<h3>Octets Received by Chop Size</h3>", "<h3>Octets Transmitted by Chop Size</h3>", "<h3>Frames Received by Opcode</h3>",
            "<h3>Frames Transmitted by Opcode</h3>", "<h2>Wire Log</h2>",
        ];
        var at = 0;
        foreach (var section in sections)
        {
            var next = html.IndexOf(section, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"{section} missing or out of order");
            at = next;
        }
    }

    [Fact]
    public void Render_Ok22_ShowsTheVerdictAndOutcomeAsWstestDoes()
    {
        var html = CaseReportHtml.Render(ReportSamples.Ok22(), ReportSamples.Agent);

        Assert.Contains("<p id=\"case_summary\" class=\"case case_ok\">AutobahnServer - <span style=\"font-size: 1.3em;\"><b>Case 2.2</b></span> : Pass - <span style=\"font-size: 0.9em;\"><b>3</b> ms @ 2026-11-25T15:04:05.678Z</span></p>", html, StringComparison.Ordinal);
        Assert.Contains("Actual events match at least one expected.<br/><br/>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"case_pickle\" id=\"case_expected\">{&#39;OK&#39;: [(&#39;pong&#39;, u&#39;Hello, world!&#39;)]}</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"case_pickle\" id=\"case_observed\">[(&#39;pong&#39;, u&#39;Hello, world!&#39;)]</span>", html, StringComparison.Ordinal);
        Assert.Contains("Connection was properly closed (OK)</p>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"stats_row\"><td>closedByMe</td><td class=\"left\">True</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"stats_row\"><td>wasNotCleanReason</td><td class=\"left\">None</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"stats_row\"><td>remoteCloseCode</td><td class=\"left\">1000</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Ok22_WireStatisticsTablesWithTotals()
    {
        var html = CaseReportHtml.Render(ReportSamples.Ok22(), ReportSamples.Agent);

        Assert.Contains(
            "<tr class=\"stats_row\"><td>4</td><td>1</td><td>4</td></tr>\n         <tr class=\"stats_row\"><td>15</td><td>1</td><td>15</td></tr>\n         <tr class=\"stats_row\"><td>129</td><td>1</td><td>129</td></tr>\n         <tr class=\"stats_total\"><td>Total</td><td>3</td><td>148</td></tr>",
            html,
            StringComparison.Ordinal);
        Assert.Contains("<tr class=\"stats_row\"><td>8</td><td>1</td></tr>\n         <tr class=\"stats_row\"><td>10</td><td>1</td></tr>\n         <tr class=\"stats_total\"><td>Total</td><td>2</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Ok22_WireLogRowsAsWstestPrintsThem()
    {
        var html = CaseReportHtml.Render(ReportSamples.Ok22(), ReportSamples.Agent);

        // The handshake: 64 bytes of hex and " ...", wrapped at 100 characters, continuation indented.
        Assert.Matches(new Regex("<pre class=\"wirelog_tx_octets\">000 TX OCTETS: [0-9a-f]{100}</pre>\n         <pre class=\"wirelog_tx_octets\"> {15}[0-9a-f]{28} \\.\\.\\.</pre>"), html);
        Assert.Contains("<pre class=\"wirelog_tx_frame\">002 TX FRAME : OPCODE=9, FIN=True, RSV=0, PAYLOAD-LEN=13, MASK=0a0b0c0d, PAYLOAD-REPEAT-LEN=None, CHOPSIZE=None, SYNC=False</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"wirelog_tx_frame\">               Hello, world!</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"wirelog_kill_after\">004 CLOSE CONNECTION AFTER 1.000000 sec</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"wirelog_rx_frame\">006 RX FRAME : OPCODE=10, FIN=True, RSV=0, PAYLOAD-LEN=13, MASKED=False, MASK=None</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"wirelog_tcp_closed_by_peer\">011 TCP DROPPED BY PEER</pre>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Unclean_DelaysAndDroppedBy()
    {
        var result = ReportSamples.Unclean111();
        var html = CaseReportHtml.Render(result with { Transcript = result.Transcript with { Closing = result.Transcript.Closing with { DroppedByMe = true } } }, ReportSamples.Agent);

        Assert.Contains("FAIL CONNECTION AFTER 0.500000 sec</pre>", html, StringComparison.Ordinal);
        Assert.Contains("The spec requires the connection to be failed cleanly here (UNCLEAN)</p>", html, StringComparison.Ordinal);
        Assert.Contains("TCP DROPPED BY ME</pre>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BulkCaseWithWireLogOff_SaysSo()
    {
        var html = CaseReportHtml.Render(ReportSamples.Unimplemented1211(), ReportSamples.Agent);

        Assert.Contains("<i>Wire log after handshake disabled!</i>", html, StringComparison.Ordinal);
        Assert.Contains("002 WIRELOG DISABLED</pre>", html, StringComparison.Ordinal);
        Assert.Contains(" : Fail - ", html, StringComparison.Ordinal); // wstest titles UNIMPLEMENTED "Fail"
    }

    [Fact]
    public void Render_CatalogMarkup_KeepsOnlyBoldAndLineBreaks()
    {
        var definition = CaseCatalog.Get(CaseId.Parse("3.1"));
        var html = CaseReportHtml.Render(ReportSamples.WrongCode31(), ReportSamples.Agent);

        Assert.Contains("Send small text message with <b>RSV = 1</b>.", html, StringComparison.Ordinal);
        Assert.Equal("3.1", definition.Id.Text);
    }

    [Fact]
    public void Render_AnyCase_LoadsNothingFromTheNetwork()
    {
        foreach (var name in ReportSamples.AllNames)
        {
            var html = CaseReportHtml.Render(ReportSamples.Get(name), ReportSamples.Agent);

            Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", html, StringComparison.Ordinal);
        }
    }
}
