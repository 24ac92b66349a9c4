using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Control;

namespace Autobahn.Testsuite.Tests.Control;

public sealed class ControlMessagesTests
{
    [Fact]
    public void Case_info_is_python_2_json_with_id_first_and_the_description_before_its_first_tag()
    {
        Assert.Equal(
            "{\"id\": \"1.1.1\", \"description\": \"Send text message with payload 0.\"}",
            ControlMessages.CaseInfo(CaseId.Parse("1.1.1")));
    }

    [Fact]
    public void Case_status_carries_behavior_only()
    {
        Assert.Equal("{\"behavior\": \"NON-STRICT\"}", ControlMessages.CaseStatus(Behavior.NonStrict));
    }

    [Fact]
    public void Pretty_description_collapses_whitespace_and_drops_markup()
    {
        Assert.Equal("Send a b", ControlMessages.PrettyDescription("Send \n a   b<br><br>more"));
    }
}
