using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Autobahn.Wstest.Tool.Cli;

namespace Autobahn.Wstest.Tool.Specs;

/// <summary>
/// The spec's <c>"exclude-agent-cases"</c>, <c>{agentPattern: [casePattern, ...]}</c>, as wstest's <c>caseset.py</c>
/// <c>parseExcludeAgentCases</c> / <c>checkAgentCaseExclude</c> read it: both sides anchored at start and end,
/// <c>.</c> literal and <c>*</c> any run of characters (the rest stays regular-expression syntax). wstest checks it
/// after the opening handshake, with the agent the case is reported under; so does this tool
/// (<see cref="Autobahn.Testsuite.FuzzingOptions.ExcludeAfterHandshake"/>).
/// </summary>
internal sealed class AgentCaseExclusions
{
    private readonly List<(Regex Agent, Regex[] Cases)> rules;

    private AgentCaseExclusions(List<(Regex, Regex[])> rules) => this.rules = rules;

    /// <summary>No exclusions.</summary>
    public static AgentCaseExclusions None { get; } = new([]);

    /// <summary>Whether there is any rule.</summary>
    public bool IsEmpty => rules.Count == 0;

    /// <summary>Reads the spec key's object (null: none).</summary>
    /// <exception cref="UsageException">A value is not a list of strings, or a pattern is not a valid expression.</exception>
    public static AgentCaseExclusions Parse(JsonObject? node)
    {
        if (node is null) return None;
        var rules = new List<(Regex, Regex[])>();
        foreach (var (agent, _) in node)
        {
            var cases = SpecReader.Strings(node, agent, "\"exclude-agent-cases\" → ");
            rules.Add((Anchored(agent), [.. cases.Select(Anchored)]));
        }

        return new AgentCaseExclusions(rules);
    }

    /// <summary>Whether <paramref name="caseId"/> is excluded for <paramref name="agent"/>.</summary>
    public bool Excludes(string agent, string caseId) =>
        rules.Any(rule => rule.Agent.IsMatch(agent) && rule.Cases.Any(c => c.IsMatch(caseId)));

    private static Regex Anchored(string pattern)
    {
        var expression = "^" + pattern.Replace(".", "\\.", StringComparison.Ordinal).Replace("*", ".*", StringComparison.Ordinal) + "$";
        try
        {
            return new Regex(expression, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"spec: \"exclude-agent-cases\" pattern \"{pattern}\" is not a valid expression: {e.Message}", e);
        }
    }
}
