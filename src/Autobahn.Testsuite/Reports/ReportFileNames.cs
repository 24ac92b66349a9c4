using System.Text;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Reports;

/// <summary>wstest's report file names (<c>ATS fuzzing.py</c> <c>cleanForFilename</c> and <c>makeAgentCaseReportFilename</c>).</summary>
internal static class ReportFileNames
{
    /// <summary>
    /// The agent as it appears in file names: lower-case, stripped, every character outside <c>[a-z0-9]</c>
    /// replaced by a space, stripped again, then every space replaced by <c>_</c> (runs are not collapsed).
    /// "Microsoft-HTTPAPI/2.0" becomes "microsoft_httpapi_2_0".
    /// </summary>
    public static string CleanAgent(string agent)
    {
        var lowered = agent.ToLowerInvariant().Trim();
        var builder = new StringBuilder(lowered.Length);
        foreach (var c in lowered)
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : ' ');
        }

        return builder.ToString().Trim().Replace(' ', '_');
    }

    /// <summary>The per-case JSON report of a case, e.g. <c>autobahnserver_case_6_4_3.json</c>.</summary>
    public static string CaseJson(string agent, CaseId id) => $"{CleanAgent(agent)}_case_{id.FileSafe}.json";

    /// <summary>The per-case HTML report of a case, e.g. <c>autobahnserver_case_6_4_3.html</c>.</summary>
    public static string CaseHtml(string agent, CaseId id) => $"{CleanAgent(agent)}_case_{id.FileSafe}.html";
}
