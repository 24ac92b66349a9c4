using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Control;

namespace Autobahn.Testsuite.Tests.Control;

public sealed class ControlRequestTests
{
    private static readonly IReadOnlyList<CaseId> All = CaseSelection.Resolve(["*"]);

    [Theory]
    [InlineData("/runCase", "case=1&agent=ws", "RunCase", "1.1.1")]
    [InlineData("/runCase", "case=517&agent=ws", "RunCase", "13.7.18")]
    [InlineData("/runCase", "casetuple=2.2&agent=ws", "RunCase", "2.2")]
    [InlineData("/runCase", "casetuple=2.2&case=3&agent=ws", "RunCase", "1.1.3")] // case= wins (applied after)
    [InlineData("/getCaseInfo", "case=+17", "GetCaseInfo", "2.1")]
    [InlineData("/getCaseStatus", "case=1&agent=a", "GetCaseStatus", "1.1.1")]
    [InlineData("/getCaseCount", "", "GetCaseCount", null)]
    [InlineData("/updateReports", "agent=ws", "UpdateReports", null)]
    [InlineData("/stopServer", "", "StopServer", null)]
    [InlineData("/", "", "DirectCommand", null)]
    public void Routes_by_path_and_query(string path, string query, string endpoint, string? caseId)
    {
        var request = ControlRequest.Parse(path, query, All);

        Assert.Null(request.Failure);
        Assert.Equal(Enum.Parse<ControlEndpoint>(endpoint), request.Endpoint);
        Assert.Equal(caseId, request.Case?.Text);
    }

    [Theory]
    [InlineData("/runCase", "case=1", "need agent to run case")]
    [InlineData("/runCase", "agent=ws", "need case to run")]
    [InlineData("/runCase", "case=0&agent=ws", "need case to run")] // "if self.case:" treats 0 as absent
    [InlineData("/runCase", "case=518&agent=ws", "case 518 not found")]
    [InlineData("/runCase", "case=-1&agent=ws", "case -1 not found")]
    [InlineData("/runCase", "case=x&agent=ws", "invalid test case ID x")]
    [InlineData("/runCase", "casetuple=99.1&agent=ws", "invalid test case tuple 99.1")]
    [InlineData("/runCase", "case=1&agent=a&agent=b", "multiple agents specified")]
    [InlineData("/runCase", "case=1&case=2&agent=a", "multiple test cases specified")]
    [InlineData("/updateReports", "", "need agent to update reports for")]
    [InlineData("/getCaseInfo", "", "need case to get info")]
    [InlineData("/getCaseStatus", "case=1", "need agent to get status")]
    [InlineData("/getCaseCount", "case=600", "case 600 not found")] // checked on every path
    public void Bad_parameters_fail_as_wstest_raises_in_onConnect(string path, string query, string failure)
    {
        Assert.Equal(failure, ControlRequest.Parse(path, query, All).Failure);
    }

    [Fact]
    public void Case_numbers_index_the_served_list_not_the_full_one()
    {
        var served = CaseSelection.Resolve(["2.*"]);

        Assert.Equal("2.1", ControlRequest.Parse("/runCase", "case=1&agent=a", served).Case?.Text);
        Assert.Equal("case 12 not found", ControlRequest.Parse("/runCase", "case=12&agent=a", served).Failure);
        Assert.Equal("invalid test case tuple 1.1.1", ControlRequest.Parse("/runCase", "casetuple=1.1.1&agent=a", served).Failure);
    }

    [Theory]
    [InlineData("agent=a&shutdownOnComplete=true", true)]
    [InlineData("agent=a&shutdownOnComplete=YES", true)]
    [InlineData("agent=a&shutdownOnComplete=1", false)]
    [InlineData("agent=a", false)]
    public void ShutdownOnComplete_takes_true_or_yes(string query, bool shutdown)
    {
        Assert.Equal(shutdown, ControlRequest.Parse("/updateReports", query, All).ShutdownOnComplete);
    }

    [Fact]
    public void Query_values_are_percent_and_plus_decoded_as_parse_qs_does()
    {
        var parameters = QueryParameters.Parse("agent=my+client%2F1.0&empty=&flag&x=1;x=2");

        Assert.Equal("my client/1.0", parameters["agent"][0]);
        Assert.False(parameters.ContainsKey("empty"));
        Assert.False(parameters.ContainsKey("flag"));
        Assert.Equal(["1", "2"], parameters["x"]);
    }
}
