namespace Autobahn.Testsuite.Reports;

/// <summary>
/// The inline style sheets of the reports: wstest's layout and colours (<c>ATS report.py</c> <c>CSS_COMMON</c>,
/// <c>CSS_MASTER_REPORT</c>, <c>CSS_DETAIL_REPORT</c>: green Pass, olive Non-Strict, blue Info, red Fail, purple
/// Unimplemented, brown Missing), with system fonts only so that nothing is fetched.
/// </summary>
internal static class ReportStyles
{
    public const string Common = """

body { background-color: #f4f4f4; color: #333; font-family: "Segoe UI", Tahoma, Arial, Verdana, sans-serif; }
p.report_title { margin: 20px 20px 4px 20px; font-size: 1.6em; font-weight: bold; color: #444; }
p#intro { font-family: Cambria, serif; font-size: 1.1em; color: #444; }
.block { background-color: #e0e0e0; padding: 16px; margin: 20px; }
p.case_text_block { border-radius: 10px; border: 1px solid #aaa; padding: 16px; margin: 4px 20px; color: #444; }
pre.http_dump { font-family: Consolas, "Courier New", monospace; font-size: 0.8em; color: #333; border-radius: 10px;
   border: 1px solid #aaa; padding: 16px; margin: 4px 20px; white-space: pre-wrap; word-break: break-all; }
span.case_pickle { font-family: Consolas, "Courier New", monospace; font-size: 0.7em; color: #000; word-break: break-all; }
h2 { margin-left: 30px; }
h3 { margin-left: 50px; }
a.up { float: right; border-radius: 16px; margin: 16px 30px 10px 0; padding: 2px 10px; background-color: #666; color: #fff;
   text-decoration: none; font-size: 0.8em; }
a.up:hover { background-color: #028ec9; }

""";

    public const string Master = """
table { border-collapse: collapse; border-spacing: 0; }
td { margin: 0; border: 1px solid #fff; padding: 6px 16px; font-size: 0.9em; color: #fff; }
table#agent_case_results { margin: 0 20px 40px 20px; }
table#case_outcome_desc td { color: #333; }
table#case_outcome_desc td.case_ok, table#case_outcome_desc td.case_non_strict, table#case_outcome_desc td.case_failed,
table#case_outcome_desc td.case_info, table#case_outcome_desc td.case_unimplemented, table#case_outcome_desc td.case_missing { color: #fff; }
td.outcome_desc { width: 100%; color: #333; font-size: 0.8em; }
tr.agent_case_result_row a { color: #eee; }
td.agent { color: #fff; text-align: center; background-color: #048; font-size: 0.8em; word-wrap: break-word; padding: 4px; width: 140px; }
td.case { background-color: #666; text-align: left; padding-left: 40px; font-size: 0.9em; }
td.case_category { color: #fff; background-color: #000; text-align: left; padding-left: 20px; font-size: 1.0em; }
td.case_subcategory { color: #fff; background-color: #333; text-align: left; padding-left: 30px; font-size: 0.9em; }
td.close { width: 15px; padding: 6px; font-size: 0.7em; color: #fff; min-width: 0; }
td.case_ok { background-color: #0a0; text-align: center; }
td.case_almost { background-color: #6d6; text-align: center; }
td.case_non_strict, td.case_no_close { background-color: #9a0; text-align: center; }
td.case_info { background-color: #4095bf; text-align: center; }
td.case_unimplemented { background-color: #800080; text-align: center; }
td.case_failed { background-color: #900; text-align: center; }
td.case_missing { color: #fff; background-color: #a05a2c; text-align: center; }
span.case_duration { font-size: 0.7em; color: #fff; }

""";

    public const string Detail = """
p.case { color: #fff; border-radius: 10px; padding: 20px; margin: 12px 20px; font-size: 1.2em; }
p.case_ok { background-color: #0a0; }
p.case_non_strict, p.case_no_close { background-color: #9a0; }
p.case_info { background-color: #4095bf; }
p.case_failed { background-color: #900; }
p.wirelog_disabled { margin-left: 40px; color: #f00; }
table { border-collapse: collapse; border-spacing: 0; margin: 0 0 12px 80px; }
td { margin: 0; font-size: 0.8em; border: 1px #fff solid; padding: 6px 16px; text-align: right; }
td.left { text-align: left; }
tr.stats_header { color: #eee; background-color: #000; }
tr.stats_row { color: #000; background-color: #fc3; }
tr.stats_total { color: #fff; background-color: #888; }
div#wirelog { margin-top: 20px; margin-bottom: 80px; }
div#wirelog pre { margin: 0; padding: 2px; white-space: pre-wrap; word-break: break-all; }
pre.wirelog_rx_octets { color: #aaa; background-color: #060; }
pre.wirelog_tx_octets { color: #aaa; background-color: #600; }
pre.wirelog_tx_octets_sync { color: #aaa; background-color: #606; }
pre.wirelog_rx_frame { color: #fff; background-color: #0a0; }
pre.wirelog_tx_frame { color: #fff; background-color: #a00; }
pre.wirelog_tx_frame_sync { color: #fff; background-color: #a0a; }
pre.wirelog_delay, pre.wirelog_kill_after, pre.wirelog_tcp_closed_by_peer { color: #fff; background-color: #000; }
pre.wirelog_tcp_closed_by_me { color: #fff; background-color: #008; }

""";
}
