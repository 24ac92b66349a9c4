using System.Globalization;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Control;

/// <summary>
/// A request to the fuzzing server, decided from its path and query as wstest decides it in <c>onConnect</c>
/// (<c>ATS fuzzing.py:1061-1142</c>), before the 101 is sent. An exception there becomes HTTP 500 (<c>AB tw</c>
/// <c>forwardError</c>); <see cref="Parse"/> returns its message as <see cref="Failure"/> instead.
/// </summary>
internal sealed record ControlRequest
{
    /// <summary>What the connection asks for.</summary>
    public required ControlEndpoint Endpoint { get; init; }

    /// <summary>The <c>agent</c> parameter, when given.</summary>
    public string? Agent { get; init; }

    /// <summary>The 1-based case number over the server's case list (<c>case=N</c>, or the position of <c>casetuple</c>).</summary>
    public int? CaseNumber { get; init; }

    /// <summary>The case the number selects.</summary>
    public CaseId? Case { get; init; }

    /// <summary><c>shutdownOnComplete=true|yes</c> (any case).</summary>
    public bool ShutdownOnComplete { get; init; }

    /// <summary>Why wstest would answer HTTP 500, or null.</summary>
    public string? Failure { get; init; }

    /// <summary>Decides the request; <paramref name="cases"/> is the server's case list (the spec's, sorted).</summary>
    public static ControlRequest Parse(string path, string query, IReadOnlyList<CaseId> cases)
    {
        var parameters = QueryParameters.Parse(query);
        var endpoint = path switch
        {
            "/runCase" => ControlEndpoint.RunCase,
            "/getCaseCount" => ControlEndpoint.GetCaseCount,
            "/getCaseInfo" => ControlEndpoint.GetCaseInfo,
            "/getCaseStatus" => ControlEndpoint.GetCaseStatus,
            "/updateReports" => ControlEndpoint.UpdateReports,
            "/stopServer" => ControlEndpoint.StopServer,
            _ => ControlEndpoint.DirectCommand,
        };
        ControlRequest Fail(string failure) => new() { Endpoint = endpoint, Failure = failure };

        string? agent = null;
        if (parameters.TryGetValue("agent", out var agents))
        {
            if (agents.Count > 1) return Fail("multiple agents specified");
            agent = agents[0];
        }

        int? number = null;
        if (parameters.TryGetValue("casetuple", out var tuples))
        {
            if (tuples.Count > 1) return Fail("multiple test cases specified");
            var position = IndexOf(cases, tuples[0].Trim());
            if (position < 0) return Fail($"invalid test case tuple {tuples[0]}");
            number = position + 1;
        }

        if (parameters.TryGetValue("case", out var numbers))
        {
            if (numbers.Count > 1) return Fail("multiple test cases specified");
            if (!int.TryParse(numbers[0], NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var parsed))
            {
                return Fail($"invalid test case ID {numbers[0]}");
            }

            number = parsed;
        }

        var shutdown = false;
        if (parameters.TryGetValue("shutdownOnComplete", out var shutdowns))
        {
            if (shutdowns.Count > 1) return Fail("shutdownOnComplete only supports a single Boolean value");
            shutdown = shutdowns[0].ToLowerInvariant() is "true" or "yes";
        }

        // "if self.case:" — case=0 counts as no case at all.
        if (number == 0) number = null;
        CaseId? selected = null;
        if (number is { } n)
        {
            if (n < 1 || n > cases.Count) return Fail($"case {n} not found");
            selected = cases[n - 1];
        }

        var failure = endpoint switch
        {
            ControlEndpoint.RunCase when selected is null => "need case to run",
            ControlEndpoint.RunCase when agent is null => "need agent to run case",
            ControlEndpoint.UpdateReports when agent is null => "need agent to update reports for",
            ControlEndpoint.GetCaseInfo when selected is null => "need case to get info",
            ControlEndpoint.GetCaseStatus when selected is null => "need case to get status",
            ControlEndpoint.GetCaseStatus when agent is null => "need agent to get status",
            _ => null,
        };
        return failure is not null
            ? Fail(failure)
            : new ControlRequest { Endpoint = endpoint, Agent = agent, CaseNumber = number, Case = selected, ShutdownOnComplete = shutdown };
    }

    private static int IndexOf(IReadOnlyList<CaseId> cases, string id)
    {
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i].Text == id) return i;
        }

        return -1;
    }
}
