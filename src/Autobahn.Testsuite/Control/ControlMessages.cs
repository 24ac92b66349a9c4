using System.Globalization;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Reports;

namespace Autobahn.Testsuite.Control;

/// <summary>
/// The text messages of the control endpoints, as Python 2's <c>json.dumps</c> writes them (<c>ATS fuzzing.py:305-323</c>):
/// separators <c>", "</c> and <c>": "</c>, ASCII only. A two-key dict iterates in hash order: <c>'id'</c> and
/// <c>'description'</c> both hash to slot 5 of an 8-slot table and <c>'description'</c> probes on to slot 7, so
/// <c>id</c> comes first.
/// </summary>
internal static class ControlMessages
{
    /// <summary><c>/getCaseCount</c>: a JSON integer, e.g. <c>517</c>.</summary>
    public static string CaseCount(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>/getCaseInfo</c>: <c>{"id": "1.1.1", "description": "..."}</c>.</summary>
    public static string CaseInfo(CaseId id) =>
        $"{{\"id\": {PythonJson.Quote(id.Text)}, \"description\": {PythonJson.Quote(PrettyDescription(CaseTexts.Get(id).Description))}}}";

    /// <summary><c>/getCaseStatus</c>: <c>{"behavior": "OK"}</c>; never <c>behaviorClose</c>.</summary>
    public static string CaseStatus(Behavior behavior) => $"{{\"behavior\": {PythonJson.Quote(behavior.ToWstestString())}}}";

    /// <summary><c>caseset.py</c> <c>caseClassToPrettyDescription</c>: the text before the first tag, whitespace collapsed.</summary>
    public static string PrettyDescription(string description) =>
        string.Join(' ', description.Split('<')[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
