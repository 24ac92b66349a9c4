using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Reports;

namespace Autobahn.Testsuite.Tests.Reports;

public class ReportFileNamesTests
{
    [Theory]
    [InlineData("AutobahnServer", "autobahnserver")]
    [InlineData("Microsoft-HTTPAPI/2.0", "microsoft_httpapi_2_0")]
    [InlineData("  Kestrel  ", "kestrel")]
    [InlineData("ws (node) 8.18.3", "ws__node__8_18_3")]
    [InlineData("-Python/3.11 websockets/10.4-", "python_3_11_websockets_10_4")]
    [InlineData("Café", "caf")]
    public void CleanAgent_WstestExamples_MatchCleanForFilename(string agent, string expected) =>
        Assert.Equal(expected, ReportFileNames.CleanAgent(agent));

    [Fact]
    public void CaseJson_AgentAndId_UsesUnderscores() =>
        Assert.Equal("autobahnserver_case_6_4_3.json", ReportFileNames.CaseJson("AutobahnServer", CaseId.Parse("6.4.3")));

    [Fact]
    public void CaseHtml_AgentAndId_UsesUnderscores() =>
        Assert.Equal("microsoft_httpapi_2_0_case_12_1_1.html", ReportFileNames.CaseHtml("Microsoft-HTTPAPI/2.0", CaseId.Parse("12.1.1")));
}
