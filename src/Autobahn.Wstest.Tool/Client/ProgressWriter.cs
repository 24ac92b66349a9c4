using System.Globalization;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Wstest.Tool.Client;

/// <summary>
/// Shows the run as it goes. On a terminal: one live line, rewritten after each case (count, last case, failures so
/// far), with a lasting line for each failing case. Redirected or on CI (<c>CI</c> set): a plain line per case.
/// </summary>
internal sealed class ProgressWriter
{
    private readonly TextWriter output;
    private readonly bool live;
    private readonly bool debug;
    private readonly int total;
    private int done;
    private int failed;
    private bool lineOpen;

    /// <summary>Creates the writer for a run of <paramref name="total"/> cases (all servers).</summary>
    public ProgressWriter(TextWriter output, bool live, bool debug, int total)
    {
        this.output = output;
        this.live = live;
        this.debug = debug;
        this.total = total;
    }

    /// <summary>Whether a live line fits this process: standard output is a terminal and <c>CI</c> is not set.</summary>
    public static bool LiveByDefault =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>A message of its own (server start, warnings, skips), on a line of its own.</summary>
    public void Message(string line)
    {
        ClearLiveLine();
        output.WriteLine(line);
    }

    /// <summary>A case finished.</summary>
    public void CaseFinished(CaseRecord record, CaseResult result)
    {
        done++;
        if (record.Outcome == VerdictOutcome.Fail) failed++;
        var line = string.Format(
            CultureInfo.InvariantCulture,
            "[{0," + Width + "}/{1}] {2} {3,-8} {4,-14} {5,-17} {6,6:0} ms",
            done,
            total,
            record.Agent,
            record.CaseId,
            result.Behavior.ToWstestString(),
            result.BehaviorClose.ToWstestString(),
            record.Elapsed.TotalMilliseconds);
        if (record.Outcome == VerdictOutcome.Fail) line += "  FAIL";

        if (!live || debug || record.Outcome == VerdictOutcome.Fail)
        {
            ClearLiveLine();
            output.WriteLine(line);
            if (debug && record.Outcome == VerdictOutcome.Fail) output.WriteLine(Indent(CaseFailureText.Format(result)));
        }

        if (live)
        {
            output.Write($"\r\u001b[2K[{done}/{total}] {record.CaseId} {result.Behavior.ToWstestString()}, {failed} failing so far");
            output.Flush();
            lineOpen = true;
        }
    }

    /// <summary>A case that was not run (excluded, or its server could not be reached) still counts towards the total.</summary>
    public void CaseNotRun() => done++;

    /// <summary>Ends the live line before the summary.</summary>
    public void Complete() => ClearLiveLine();

    private string Width => total.ToString(CultureInfo.InvariantCulture).Length.ToString(CultureInfo.InvariantCulture);

    private static string Indent(string text) => "    " + text.Replace("\n", "\n    ", StringComparison.Ordinal);

    private void ClearLiveLine()
    {
        if (!lineOpen) return;
        output.Write("\r\u001b[2K");
        lineOpen = false;
    }
}
