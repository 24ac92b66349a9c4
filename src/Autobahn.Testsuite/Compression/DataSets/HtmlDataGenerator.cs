using System.Globalization;
using System.Text;
using static System.FormattableString;

namespace Autobahn.Testsuite.Compression.DataSets;

/// <summary>
/// The stand-in for wstest's <c>data1.html</c> (<c>html_data1</c>): the original is a wstest <c>index.html</c>
/// report (style sheets, one table row per case with a cell per agent, then a description block per case), so
/// this writes a report of the same shape for made-up agents and results, in its own markup and wording.
/// </summary>
/// <remarks>
/// Like the original it is ASCII except for 26 code points, 25 of two bytes and one of three, in four places
/// spread over the file: text data sets are windowed in code points (<c>case/case12_x_x.py</c> <c>sendOne</c>), so
/// those windows are longer in bytes than in code points, and that must be exercised.
/// </remarks>
internal static class HtmlDataGenerator
{
    /// <summary>The size of wstest v0.8.2's <c>data1.html</c>.</summary>
    public const int Length = 263527;

    /// <summary>Seven two-byte code points (U+00B5, U+00DF, U+00F6, U+00E4, U+00FC, U+00E0, U+00E1); used three times.</summary>
    internal const string LatinSample = "Hallo-\u00B5@\u00DF\u00F6\u00E4\u00FC\u00E0\u00E1-UTF-8!!";

    /// <summary>"kosme" in Greek (Markus Kuhn's UTF-8 test word): four two-byte code points and U+1F79 of three bytes.</summary>
    internal const string GreekSample = "\u03BA\u1F79\u03C3\u03BC\u03B5";

    // Cases whose description carries a sample, spread over the description part.
    private static readonly int[] LatinCases = [25, 70, 115];
    private const int GreekCase = 150;

    private static readonly string[] Agents = ["ExampleServer/1.4.2", "DemoBrowser/31.0", "SampleClient/7.1"];

    /// <summary>Generates the data set.</summary>
    public static byte[] Generate()
    {
        var random = new DataSetRandom(0x48544D4C_64617461ul);
        var head = Head();
        const string Middle = "      </table>\n      <div id=\"case_descriptions\">\n";
        const string Footer = "      </div>\n      <br/><hr/>\n   </body>\n</html>\n";
        var budget = Length - Utf8(head) - Utf8(Middle) - Utf8(Footer);

        var rows = new StringBuilder(Length);
        var descriptions = new StringBuilder(Length);
        var used = 0;
        var cases = 0;
        foreach ((var id, var section) in CaseIds())
        {
            var row = Row(random, id);
            var description = Description(random, id, section, cases);
            var size = Utf8(row) + Utf8(description);
            if (used + size > budget)
            {
                break;
            }

            rows.Append(row);
            descriptions.Append(description);
            used += size;
            cases++;
        }

        if (cases <= GreekCase)
        {
            throw new InvalidOperationException("The HTML data set holds too few cases for its non-ASCII samples.");
        }

        // Pad the last gap (less than one case) with indentation to the exact size.
        descriptions.Append(' ', budget - used);
        var bytes = Encoding.UTF8.GetBytes(head + rows + Middle + descriptions + Footer);
        return bytes;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Utf8(string text) => Encoding.UTF8.GetByteCount(text);

    private static string Row(DataSetRandom random, string id)
    {
        var row = new StringBuilder(1024);
        var anchor = id.Replace('.', '_');
        row.Append("         <tr class=\"result_row\">\n            <td class=\"case_id\"><a href=\"#desc_").Append(anchor).Append("\">Case ").Append(id).Append("</a></td>\n");
        foreach (var agent in Agents)
        {
            (var css, var label) = random.Next(100) switch
            {
                < 88 => ("pass", "Pass"),
                < 93 => ("non_strict", "Non-Strict"),
                < 96 => ("info", "Info"),
                < 98 => ("missing", "Unimplemented"),
                _ => ("fail", "Fail"),
            };
            var duration = random.Next(100) < 75 ? random.Next(1, 20) : random.Next(20, 3000);
            var close = random.Next(100) switch
            {
                < 60 => "1000",
                < 75 => "1002",
                < 85 => "1007",
                _ => "None",
            };
            row.Append("            <td class=\"outcome ").Append(css).Append("\"><a href=\"")
                .Append(agent.Split('/')[0].ToLowerInvariant()).Append("_case_").Append(anchor).Append(".html\">").Append(label)
                .Append("</a><br/><span class=\"duration\">").Append(duration.ToString(CultureInfo.InvariantCulture)).Append(" ms").Append(css == "pass" && random.OneIn(2) ? " [" + Number(random.Next(1000)) + "/" + Number(random.Next(1000)) + "]" : "").Append("</span></td>")
                .Append("<td class=\"close ").Append(css).Append("\"><span class=\"code\">").Append(close).Append("</span></td>\n");
        }

        row.Append("         </tr>\n");
        return row.ToString();
    }

    private static string Description(DataSetRandom random, string id, string section, int index)
    {
        var size = 1 << random.Next(0, 18);
        var count = random.OneIn(2) ? 1 : 1000;
        var kind = random.OneIn(2) ? "text" : "binary";

        // Invariant: the bytes must not depend on the culture the tests run under.
        var what = section switch
        {
            "Framing" => Invariant($"Send {kind} message with payload of length {size}."),
            "Pings/Pongs" => Invariant($"Send ping with payload of {size} octets, then a {kind} message."),
            "Reserved Bits" => Invariant($"Send small {kind} message with RSV = {random.Next(1, 8)}."),
            "Opcodes" => Invariant($"Send frame with reserved non-control opcode = {random.Next(3, 8)}."),
            "Fragmentation" => Invariant($"Send {kind} message in {random.Next(2, 10)} fragments of {size} octets each."),
            "UTF-8 Handling" => Invariant($"Send a text message whose payload is {random.Next(1, 40)} octets of UTF-8, in one fragment."),
            "Close Handling" => Invariant($"Send a close frame with close code {random.Next(1000, 5000)} and a reason of {random.Next(0, 124)} octets."),
            "Limits/Performance" => Invariant($"Send {count} {kind} messages of payload size {size} to measure round trip time."),
            _ => Invariant($"Send {count} compressed messages each of payload size {size}, auto-fragment to {random.Next(0, 4) * 256} octets."),
        };

        if (Array.IndexOf(LatinCases, index) >= 0)
        {
            what += "<br><br>MESSAGE:<br>" + LatinSample + "<br>as one fragment.";
        }
        else if (index == GreekCase)
        {
            what += "<br><br>MESSAGE:<br>" + GreekSample + "<br>split where code points end.";
        }

        var expectation = random.Next(3) switch
        {
            0 => Invariant($"Receive echo'ed {kind} message (with payload as sent). Clean close with normal code."),
            1 => "The connection is failed immediately, since the frame is not allowed. Clean close with protocol error code or drop TCP.",
            _ => Invariant($"Receive echo'ed messages (with payload as sent). Timeout case after {random.Next(1, 9) * 60} secs."),
        };

        var anchor = id.Replace('.', '_');
        return "      <br/>\n      <a name=\"desc_" + anchor + "\"></a>\n      <h2>Case " + id + "</h2>\n      <a class=\"up\" href=\"#top\">Up</a>\n"
            + "      <p class=\"text_block desc\"><b>Case Description</b><br/><br/>" + what + "</p>\n"
            + "      <p class=\"text_block expect\"><b>Case Expectation</b><br/><br/>" + expectation + "</p>\n";
    }

    /// <summary>Case ids shaped like wstest's, with the section name their description uses; more than fit.</summary>
    private static IEnumerable<(string Id, string Section)> CaseIds()
    {
        (string Prefix, int Groups, int PerGroup, string Section)[] table =
        [
            ("1", 2, 8, "Framing"), ("2", 1, 11, "Pings/Pongs"), ("3", 1, 7, "Reserved Bits"), ("4", 2, 5, "Opcodes"),
            ("5", 1, 20, "Fragmentation"), ("6", 23, 6, "UTF-8 Handling"), ("7", 6, 8, "Close Handling"),
            ("9", 8, 7, "Limits/Performance"), ("12", 5, 18, "Compression"), ("13", 7, 18, "Compression"),
        ];
        foreach ((var prefix, var groups, var perGroup, var section) in table)
        {
            for (var g = 1; g <= groups; g++)
            {
                for (var i = 1; i <= perGroup; i++)
                {
                    var id = groups == 1
                        ? $"{prefix}.{i.ToString(CultureInfo.InvariantCulture)}"
                        : $"{prefix}.{g.ToString(CultureInfo.InvariantCulture)}.{i.ToString(CultureInfo.InvariantCulture)}";
                    yield return (id, section);
                }
            }
        }
    }

    private static string Head()
    {
        var head = new StringBuilder(8192);
        head.Append("<!DOCTYPE html>\n<html>\n   <head>\n      <meta charset=\"utf-8\" />\n      <title>WebSocket Conformance Report</title>\n      <style lang=\"css\">\n");

        // A style sheet like a report's: many small rules that repeat the same properties.
        (string Selector, string Rules)[] styles =
        [
            ("body", "background-color: #F2F2F2;\n   color: #303030;\n   font-family: Helvetica, Arial, sans-serif;"),
            ("h1", "margin-left: 40px;\n   font-size: 1.6em;"),
            ("h2", "margin-left: 24px;\n   font-size: 1.2em;"),
            ("a.up", "float: right;\n   border-radius: 12px;\n   margin-right: 24px;\n   padding: 2px 10px;\n   background-color: #555;\n   color: #fff;\n   text-decoration: none;"),
            ("table", "border-collapse: collapse;\n   border-spacing: 0px;"),
            ("td", "margin: 0;\n   border: 1px solid #fff;\n   padding: 5px 14px;\n   font-size: 0.9em;\n   color: #fff;"),
            ("td.case_id", "background-color: #606060;\n   text-align: left;\n   padding-left: 36px;"),
            ("td.outcome", "text-align: center;"),
            ("td.close", "width: 14px;\n   padding: 5px;\n   font-size: 0.7em;"),
            ("td.pass", "background-color: #0b0;"),
            ("td.non_strict", "background-color: #9b0;"),
            ("td.info", "background-color: #48c;"),
            ("td.missing", "background-color: #999;"),
            ("td.fail", "background-color: #c00;"),
            ("span.duration", "font-size: 0.7em;\n   color: #fff;"),
            ("p.text_block", "border-radius: 8px;\n   border: 1px solid #999;\n   padding: 14px;\n   margin: 4px 24px;\n   color: #404040;"),
        ];
        foreach ((var selector, var rules) in styles)
        {
            head.Append(selector).Append(" {\n   ").Append(rules).Append("\n}\n\n");
        }

        head.Append("</style>\n   </head>\n   <body>\n      <a name=\"top\"></a>\n      <h1>WebSocket Conformance Report</h1>\n")
            .Append("      <p id=\"intro\">A generated report of made-up results, standing in for a real one.</p>\n")
            .Append("      <table id=\"results\">\n         <tr>\n            <td>&nbsp;</td>\n");
        foreach (var agent in Agents)
        {
            head.Append("            <td class=\"agent\" colspan=\"2\">").Append(agent).Append("</td>\n");
        }

        head.Append("         </tr>\n");
        return head.ToString();
    }
}
