using System.Text;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Xunit.Sdk;

/// <summary>How a case is named in Test Explorer and in failure messages: <c>2.2 · Send ping with small text payload.</c></summary>
internal static class CaseDisplay
{
    /// <summary>Longest description shown in a test name, in characters.</summary>
    public const int MaxDescriptionLength = 100;

    /// <summary>The separator between id and description.</summary>
    public const string Separator = CaseFailureText.Separator;

    /// <summary>The test name of a case: its id and its shortened description.</summary>
    public static string DisplayName(string caseId) =>
        TryGetText(caseId) is { } text ? caseId + Separator + Shorten(PlainText(text.Description), MaxDescriptionLength) : caseId;

    /// <summary>The 1-based position of a case in wstest's list of 517 (its run order, <see cref="CaseInfo.Index"/>); 9999 for an unknown id.</summary>
    public static int RunOrder(string caseId) => CaseInfo.TryGet(caseId, out var info) ? info.Index : 9999;

    /// <summary>wstest's texts of a case, or null when the id is not one of the 517.</summary>
    public static CaseText? TryGetText(string caseId) => CaseInfo.TryGet(caseId, out var info) ? info.Text : null;

    /// <summary>
    /// wstest's descriptions are HTML fragments (<c>&lt;br&gt;</c>, <c>&lt;b&gt;</c>): tags become spaces, entities are
    /// decoded and runs of white space collapse to one space.
    /// </summary>
    public static string PlainText(string html) => CaseFailureText.PlainText(html);

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters, at a word boundary when one is near, ending with "…".</summary>
    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var cut = text.LastIndexOf(' ', maxLength - 1);
        if (cut < maxLength * 2 / 3) cut = maxLength - 1;
        var builder = new StringBuilder(text, 0, cut, maxLength);
        return builder.ToString().TrimEnd(' ', ',', ';', ':') + "…";
    }
}
