using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Verdicts;

namespace Autobahn.Wstest.Tool.Client;

/// <summary>
/// A JUnit XML report of a run, as CI systems read it: one <c>&lt;testsuite&gt;</c> per agent, one
/// <c>&lt;testcase&gt;</c> per case and agent (name <c>2.2 · Send ping with small text payload.</c>, class name the
/// agent), a <c>&lt;failure&gt;</c> with the text an xUnit row shows (<see cref="CaseFailureText"/>) for a failing case,
/// <c>&lt;skipped&gt;</c> for UNIMPLEMENTED and for cases excluded or not run, <c>&lt;error&gt;</c> for a server that
/// could not be reached.
/// </summary>
internal static class JUnitWriter
{
    /// <summary>Writes <paramref name="records"/> to <paramref name="path"/> (its directory is created).</summary>
    public static void Write(string path, IReadOnlyList<CaseRecord> records, DateTimeOffset started)
    {
        var suites = records.GroupBy(r => r.Agent, StringComparer.Ordinal).Select(group => Suite(group.Key, [.. group], started));
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "wstest"),
            new XAttribute("tests", records.Count),
            new XAttribute("failures", records.Count(r => r.Outcome == VerdictOutcome.Fail && r.Result is not null)),
            new XAttribute("errors", records.Count(r => r.Outcome == VerdictOutcome.Fail && r.Result is null)),
            new XAttribute("skipped", records.Count(r => r.Outcome == VerdictOutcome.Skip)),
            new XAttribute("time", Seconds(records.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed))),
            suites);

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var writer = XmlWriter.Create(full, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" });
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
    }

    private static XElement Suite(string agent, CaseRecord[] records, DateTimeOffset started) => new(
        "testsuite",
        new XAttribute("name", XmlText(agent)),
        new XAttribute("tests", records.Length),
        new XAttribute("failures", records.Count(r => r.Outcome == VerdictOutcome.Fail && r.Result is not null)),
        new XAttribute("errors", records.Count(r => r.Outcome == VerdictOutcome.Fail && r.Result is null)),
        new XAttribute("skipped", records.Count(r => r.Outcome == VerdictOutcome.Skip)),
        new XAttribute("time", Seconds(records.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed))),
        new XAttribute("timestamp", started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
        records.Select(TestCase));

    private static XElement TestCase(CaseRecord record)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("classname", XmlText(record.Agent)),
            new XAttribute("name", Name(record.CaseId)),
            new XAttribute("time", Seconds(record.Elapsed)));
        if (record.Result is not { } result)
        {
            element.Add(record.Outcome == VerdictOutcome.Fail
                ? new XElement("error", new XAttribute("message", XmlText(record.NotRunReason ?? "not run")))
                : new XElement("skipped", new XAttribute("message", record.NotRunReason ?? "not run")));
            return element;
        }

        var verdict = $"behavior {result.Behavior.ToWstestString()}, close {result.BehaviorClose.ToWstestString()}";
        if (record.Outcome == VerdictOutcome.Fail)
        {
            element.Add(new XElement("failure", new XAttribute("message", verdict), new XAttribute("type", result.Behavior.ToWstestString()), XmlText(CaseFailureText.Format(result))));
        }
        else if (record.Outcome == VerdictOutcome.Skip)
        {
            element.Add(new XElement("skipped", new XAttribute("message", verdict + ": the server did not accept permessage-deflate (RFC 7692)")));
        }

        return element;
    }

    private static string Name(string caseId) =>
        CaseInfo.TryGet(caseId, out var info) ? caseId + CaseFailureText.Separator + CaseFailureText.PlainText(info.Text.Description) : caseId;

    /// <summary>Text from the server (close reasons, the agent) may hold characters XML cannot carry: they become U+FFFD.</summary>
    private static string XmlText(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i++, 2);
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return builder.ToString();
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
