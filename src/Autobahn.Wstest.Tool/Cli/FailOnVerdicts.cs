using Autobahn.Testsuite.Cases;

namespace Autobahn.Wstest.Tool.Cli;

/// <summary>Parses <c>--fail-on</c> values: wstest's verdict names, any case, with <c>-</c>, <c>_</c> or a space between words.</summary>
internal static class FailOnVerdicts
{
    /// <summary>The names accepted, for help and error texts.</summary>
    public const string Names = "NON-STRICT, INFORMATIONAL, UNIMPLEMENTED (FAILED, WRONG-CODE, UNCLEAN, FAILED-BY-CLIENT always fail)";

    /// <summary>The verdicts named by <paramref name="values"/> (each may hold several, comma-separated).</summary>
    /// <exception cref="UsageException">A value is not a verdict name.</exception>
    public static IReadOnlySet<Behavior> Parse(IEnumerable<string> values)
    {
        var set = new HashSet<Behavior>();
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            set.Add(ParseOne(value));
        }

        return set;
    }

    private static Behavior ParseOne(string value)
    {
        var name = value.ToUpperInvariant().Replace('_', '-');
        foreach (var candidate in new[] { name, name.Replace('-', ' '), name.Replace("NON ", "NON-", StringComparison.Ordinal), name.Replace("NONSTRICT", "NON-STRICT", StringComparison.Ordinal) })
        {
            try
            {
                return BehaviorExtensions.ParseWstest(candidate);
            }
            catch (FormatException)
            {
            }
        }

        throw new UsageException($"--fail-on: '{value}' is not a wstest verdict; use {Names}");
    }
}
