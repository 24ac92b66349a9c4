using System.Globalization;
using System.Text;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Reports;

/// <summary>
/// wstest's summary page, <c>index.html</c> (<c>ATS fuzzing.py</c> <c>createMasterReportHTML</c>, lines 548-730):
/// a matrix with one row per case (all of wstest's cases, sorted by id, under category and subcategory rows) and
/// two columns per agent (sorted by name) — the result linking to the case page, and the close code — followed
/// by every case's description and expectation. Cell texts and colours are wstest's: Pass, Non-Strict, Info, Fail,
/// Unimplemented (one cell, no link), Missing; the close cell shows the server's close code, "Unclean" or "Fail";
/// sections 9, 12 and 13 add the duration, and 12/13 the compression ratios.
/// </summary>
internal static class IndexHtml
{
    // The descriptions below the matrix never change: built once, not on every rewrite of the page.
    private static readonly Lazy<string> Descriptions = new(RenderDescriptions);

    /// <summary>The page for <paramref name="agents"/> (agent name → case id → entry), generated at <paramref name="now"/>.</summary>
    public static string Render(IReadOnlyDictionary<string, Dictionary<string, IndexEntry>> agents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var agentList = agents.Keys.OrderBy(a => a, StringComparer.Ordinal).ToList();
        var b = new StringBuilder(512 * 1024);
        Html.Head(b, "Autobahn WebSocket Testsuite Report", ReportStyles.Common + ReportStyles.Master);
        b.Append("   <body>\n");
        b.Append("      <a id=\"top\"></a>\n");
        b.Append("      <p class=\"report_title\">Autobahn WebSocket Testsuite Report</p>\n");
        b.Append("      <div id=\"master_report_header\" class=\"block\">\n");
        b.Append("         <p id=\"intro\">Summary report generated on ").Append(now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append(" (UTC) by Autobahn.Xunit, a C# port of the Autobahn WebSocket Testsuite fuzzingclient (wstest 0.8.2).</p>\n");
        Legend(b);
        b.Append("      </div>\n");

        b.Append("      <table id=\"agent_case_results\">\n");
        string? lastCategory = null;
        string? lastGroup = null;
        foreach (var text in CaseTexts.All)
        {
            var id = CaseId.Parse(text.Id);
            var parts = text.Id.Split('.');
            var group = text.Group.Length == 0 ? null : text.Group;
            if (text.Category != lastCategory)
            {
                b.Append("         <tr class=\"case_category_row\">\n");
                b.Append("            <td class=\"case_category\">").Append(parts[0]).Append(' ').Append(Html.Escape(text.Category)).Append("</td>\n");
                foreach (var agent in agentList)
                {
                    b.Append("            <td class=\"agent close_flex\" colspan=\"2\">").Append(Html.Escape(agent)).Append("</td>\n");
                }

                b.Append("         </tr>\n");
                lastCategory = text.Category;
                lastGroup = null;
            }

            if (group != lastGroup)
            {
                b.Append("         <tr class=\"case_subcategory_row\">\n");
                b.Append(CultureInfo.InvariantCulture, $"            <td class=\"case_subcategory\" colspan=\"{(agentList.Count * 2) + 1}\">")
                    .Append(parts[0]).Append('.').Append(parts[1]).Append(' ').Append(Html.Escape(group)).Append("</td>\n");
                b.Append("         </tr>\n");
                lastGroup = group;
            }

            b.Append("         <tr class=\"agent_case_result_row\" id=\"case_row_").Append(id.FileSafe).Append("\">\n");
            b.Append("            <td class=\"case\"><a href=\"#case_desc_").Append(id.FileSafe).Append("\">Case ").Append(text.Id).Append("</a></td>\n");
            foreach (var agent in agentList)
            {
                if (agents[agent].TryGetValue(text.Id, out var entry)) Cells(b, entry);
                else b.Append("            <td class=\"case_missing close_flex\" colspan=\"2\">Missing</td>\n");
            }

            b.Append("         </tr>\n");
        }

        b.Append("      </table>\n");
        b.Append("      <br/><hr/>\n");

        b.Append(Descriptions.Value);
        b.Append("   </body>\n</html>\n");
        return b.ToString();
    }

    private static string RenderDescriptions()
    {
        var b = new StringBuilder(400 * 1024);
        b.Append("      <div id=\"test_case_descriptions\">\n");
        foreach (var text in CaseTexts.All)
        {
            var safe = text.Id.Replace('.', '_');
            b.Append("      <br/>\n");
            b.Append("      <a id=\"case_desc_").Append(safe).Append("\"></a>\n");
            b.Append("      <h2>Case ").Append(text.Id).Append("</h2>\n");
            b.Append("      <a class=\"up\" href=\"#top\">Up</a>\n");
            b.Append("      <p class=\"case_text_block case_desc\"><b>Case Description</b><br/><br/>").Append(Html.CaseText(text.Description)).Append("</p>\n");
            b.Append("      <p class=\"case_text_block case_expect\"><b>Case Expectation</b><br/><br/>").Append(Html.CaseText(text.Expectation)).Append("</p>\n");
        }

        b.Append("      </div>\n");
        b.Append("      <br/><hr/>\n");
        return b.ToString();
    }

    /// <summary>One agent's two cells for a case that ran (<c>fuzzing.py:660-716</c>).</summary>
    private static void Cells(StringBuilder b, IndexEntry e)
    {
        if (e.Behavior == Behavior.Unimplemented)
        {
            b.Append("            <td class=\"case_unimplemented close_flex\" colspan=\"2\">Unimplemented</td>\n");
            return;
        }

        var (tdClass, tdText) = e.Behavior switch
        {
            Behavior.Ok => ("case_ok", "Pass"),
            Behavior.NonStrict => ("case_non_strict", "Non-Strict"),
            Behavior.Informational => ("case_info", "Info"),
            _ => ("case_failed", "Fail"),
        };
        var code = e.RemoteCloseCode?.ToString(CultureInfo.InvariantCulture) ?? "None";
        var (closeClass, closeText) = e.BehaviorClose switch
        {
            Behavior.Ok => ("case_ok", code),
            Behavior.FailedByClient => ("case_almost", code),
            Behavior.WrongCode => ("case_non_strict", code),
            Behavior.Unclean => ("case_failed", "Unclean"),
            Behavior.Informational => ("case_info", code),
            _ => ("case_failed", "Fail"),
        };

        var detail = new StringBuilder();
        if (e.ReportTime) detail.Append(CultureInfo.InvariantCulture, $"{e.Duration} ms");
        if (e.ReportCompressionRatio && e.HasTrafficStats)
        {
            detail.Append(" [").Append(Ratio(e.IncomingCompressionRatio)).Append('/').Append(Ratio(e.OutgoingCompressionRatio)).Append(']');
        }

        b.Append("            <td class=\"").Append(tdClass).Append("\"><a href=\"").Append(Html.Escape(e.HtmlFile)).Append("\">").Append(tdText).Append("</a>");
        if (detail.Length > 0) b.Append("<br/><span class=\"case_duration\">").Append(detail).Append("</span>");
        b.Append("</td><td class=\"close ").Append(closeClass).Append("\"><span class=\"close_code\">").Append(Html.Escape(closeText)).Append("</span></td>\n");
    }

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("F3", CultureInfo.InvariantCulture) : "-";

    private static void Legend(StringBuilder b)
    {
        (string Class, string Text, string Description)[] rows =
        [
            ("case_ok", "Pass", "Test case was executed and passed successfully."),
            ("case_non_strict", "Non-Strict", "Test case was executed and passed non-strictly: the implementation does not follow a SHOULD of the specification or a canonical behaviour left open by it, but is still conformant."),
            ("case_failed", "Fail", "Test case was executed and failed. Failing a case other than a performance/limits one means not conforming to a MUST of the specification."),
            ("case_info", "Info", "Informational test case: shows implementation behaviour the specification leaves open."),
            ("case_unimplemented", "Unimplemented", "The server does not implement the tested feature (it declined permessage-deflate)."),
            ("case_missing", "Missing", "Test case was not run: not selected, or the run has not reached it (yet)."),
        ];
        b.Append("         <table id=\"case_outcome_desc\">\n");
        foreach (var (cls, text, description) in rows)
        {
            b.Append("            <tr><td class=\"").Append(cls).Append("\">").Append(text).Append("</td><td class=\"outcome_desc\">").Append(description).Append("</td></tr>\n");
        }

        b.Append("         </table>\n");
    }
}
