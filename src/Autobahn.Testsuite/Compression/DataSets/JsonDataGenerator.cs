using System.Globalization;
using System.Text;

namespace Autobahn.Testsuite.Compression.DataSets;

/// <summary>
/// The stand-in for wstest's <c>data1.json</c> (<c>json_data1</c>): the original is a wstest <c>index.json</c>
/// report (agents, then case ids, then five fields per case, indented by 3), so this writes a report of the same
/// shape for made-up agents, with made-up results. ASCII only, like the original.
/// </summary>
internal static class JsonDataGenerator
{
    /// <summary>The size of wstest v0.8.2's <c>data1.json</c>.</summary>
    public const int Length = 194056;

    private static readonly string[] Agents = ["ExampleServer/1.4.2", "DemoBrowser/31.0.1650.1", "SampleClient/7.1-20140301", "TestAgent/0.9.5"];

    private static readonly string[] RareCloseCodes = ["1001", "1003", "1008", "1009", "1010", "1011", "3000", "4000", "4999"];

    /// <summary>Generates the data set.</summary>
    public static byte[] Generate()
    {
        var random = new DataSetRandom(0x4A534F4E_64617461ul);
        var caseIds = CaseIds();
        // Neighbouring cases test the same thing and mostly end alike.
        var outcomes = new Outcome[caseIds.Count];
        for (var c = 0; c < outcomes.Length; c++)
        {
            outcomes[c] = c > 0 && !random.OneIn(5) ? outcomes[c - 1] : DrawOutcome(random);
        }


        // Room for the closing of the last agent and of the document ("\n   }\n}\n").
        const string Closing = "\n   }\n}\n";
        var text = new StringBuilder(Length);
        text.Append('{');
        var entry = new StringBuilder(512);
        var full = false;
        for (var a = 0; !full; a++)
        {
            var agent = Agents[a % Agents.Length] + (a < Agents.Length ? "" : "-" + (a / Agents.Length).ToString(CultureInfo.InvariantCulture));
            var slug = Slug(agent);
            var agentOpen = (a > 0 ? "\n   }," : "") + "\n   \"" + agent + "\": {";
            if (text.Length + agentOpen.Length + 300 + Closing.Length > Length)
            {
                break;
            }

            text.Append(agentOpen);
            for (var c = 0; c < caseIds.Count; c++)
            {
                entry.Clear();
                AppendCase(entry, random, caseIds[c], outcomes[c], slug, first: c == 0);
                if (text.Length + entry.Length + Closing.Length > Length)
                {
                    full = true;
                    break;
                }

                text.Append(entry);
            }
        }

        // Whitespace between tokens is valid JSON: pad the last gap (less than one entry) to the exact size.
        text.Append(' ', Length - text.Length - Closing.Length).Append(Closing);
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>What one case did: in a real report most agents behave alike on the same case.</summary>
    private readonly record struct Outcome(int Duration, string Behavior, string BehaviorClose, string CloseCode);

    // Most cases take a few milliseconds, 2 the most often (as in the original).
    private static readonly int[] ShortDurations = [2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 3, 3, 3, 3, 1, 1, 1, 5, 5, 6, 7, 8];

    private static Outcome DrawOutcome(DataSetRandom random) => new(
        random.Next(100) switch
        {
            < 71 => 0,
            < 85 => 10,
            _ => 1000,
        },
        random.Next(100) switch
        {
            < 95 => "OK",
            < 97 => "NON-STRICT",
            < 98 => "INFORMATIONAL",
            < 99 => "UNIMPLEMENTED",
            _ => "FAILED",
        },
        random.Next(100) switch
        {
            < 97 => "OK",
            < 98 => "INFORMATIONAL",
            _ => "WRONG CODE",
        },
        random.Next(100) switch
        {
            < 45 => "null",
            < 84 => "1000",
            < 92 => "1007",
            < 97 => "1002",
            _ => random.Pick(RareCloseCodes),
        });

    private static void AppendCase(StringBuilder entry, DataSetRandom random, string caseId, Outcome usual, string slug, bool first)
    {
        // Now and then an agent differs from the others on a case.
        (var scale, var behavior, var behaviorClose, var closeCode) = random.OneIn(12) ? DrawOutcome(random) : usual;
        var duration = scale switch
        {
            0 => random.Pick(ShortDurations),
            10 => random.Next(10, 1000),
            _ => random.Next(1000, 9000),
        };

        entry.Append(first ? "" : ",")
            .Append("\n      \"").Append(caseId).Append("\": {")
            .Append("\n         \"behavior\": \"").Append(behavior).Append("\",")
            .Append("\n         \"behaviorClose\": \"").Append(behaviorClose).Append("\",")
            .Append("\n         \"duration\": ").Append(duration.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append("\n         \"remoteCloseCode\": ").Append(closeCode).Append(',')
            .Append("\n         \"reportfile\": \"").Append(slug).Append("_case_").Append(caseId.Replace('.', '_')).Append(".json\"")
            .Append("\n      }");
    }

    /// <summary>Case ids shaped like wstest's (sections, subsections, numbers), in Python's sorted-key order.</summary>
    private static List<string> CaseIds()
    {
        var ids = new List<string>();
        void Add(string prefix, int count)
        {
            for (var i = 1; i <= count; i++)
            {
                ids.Add(prefix + i.ToString(CultureInfo.InvariantCulture));
            }
        }

        Add("1.1.", 8);
        Add("1.2.", 8);
        Add("2.", 11);
        Add("3.", 7);
        Add("4.1.", 5);
        Add("4.2.", 5);
        Add("5.", 20);
        int[] six = [3, 4, 4, 4, 5, 11, 4, 2, 4, 3, 5, 8, 5, 10, 1, 3, 5, 5, 5, 7, 8, 34, 7];
        for (var s = 0; s < six.Length; s++)
        {
            Add("6." + (s + 1).ToString(CultureInfo.InvariantCulture) + ".", six[s]);
        }

        Add("7.1.", 6);
        Add("7.3.", 6);
        Add("7.5.", 1);
        Add("7.7.", 13);
        Add("7.9.", 9);
        Add("7.13.", 2);
        for (var s = 1; s <= 8; s++)
        {
            Add("9." + s.ToString(CultureInfo.InvariantCulture) + ".", s is 3 or 4 ? 9 : 6);
        }

        Add("10.1.", 1);
        Add("12.1.", 6);
        Add("12.2.", 6);
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private static string Slug(string agent)
    {
        var slug = new StringBuilder(agent.Length);
        foreach (var c in agent)
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        return slug.ToString();
    }
}
