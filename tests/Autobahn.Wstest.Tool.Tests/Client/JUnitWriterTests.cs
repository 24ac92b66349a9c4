using System.Xml.Linq;
using Autobahn.Testsuite;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Verdicts;
using Autobahn.Wstest.Tool.Client;

namespace Autobahn.Wstest.Tool.Tests.Client;

public class JUnitWriterTests
{
    [Fact]
    public async Task Write_OneTestcasePerCaseAndAgent_FailureTextAsTheXunitRows()
    {
        var failed = await Fuzzer.RunCaseAsync("1.1.1", (socket, token) => socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye\u0001", token));
        var passed = await Fuzzer.RunCaseAsync("1.1.2", EchoAsync);
        Assert.Equal(VerdictOutcome.Fail, PassingVerdicts.Judge(failed.Behavior, failed.BehaviorClose));
        CaseRecord[] records =
        [
            new() { Agent = "A", CaseId = "1.1.1", Result = failed, Outcome = VerdictOutcome.Fail, Elapsed = TimeSpan.FromMilliseconds(12) },
            new() { Agent = "A", CaseId = "1.1.2", Result = passed, Outcome = VerdictOutcome.Pass },
            new() { Agent = "A", CaseId = "1.1.3", Outcome = VerdictOutcome.Skip, NotRunReason = "excluded by \"exclude-agent-cases\"" },
            new() { Agent = "B <&>", CaseId = "1.1.1", Outcome = VerdictOutcome.Fail, NotRunReason = "Could not connect" },
        ];
        using var dir = new TempDirectory();
        var path = dir.Combine("sub", "junit.xml");

        JUnitWriter.Write(path, records, DateTimeOffset.UnixEpoch);

        var root = XDocument.Load(path).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(["A", "B <&>"], root.Elements("testsuite").Select(s => (string)s.Attribute("name")!));
        var cases = root.Descendants("testcase").ToArray();
        Assert.Equal(4, cases.Length);
        Assert.Equal("1.1.1 · Send text message with payload 0.", (string)cases[0].Attribute("name")!);
        var failure = cases[0].Element("failure")!;
        Assert.Equal(CaseFailureText.Format(failed).Replace('\u0001', '\uFFFD'), failure.Value);
        Assert.Equal($"behavior FAILED, close {failed.BehaviorClose.ToWstestString()}", (string)failure.Attribute("message")!);
        Assert.Empty(cases[1].Elements());
        Assert.NotNull(cases[2].Element("skipped"));
        Assert.NotNull(cases[3].Element("error"));
        Assert.Equal("1", (string)root.Attribute("failures")!);
        Assert.Equal("1", (string)root.Attribute("errors")!);
        Assert.Equal("1", (string)root.Attribute("skipped")!);
    }

    private static async Task EchoAsync(System.Net.WebSockets.WebSocket socket, CancellationToken token)
    {
        var buffer = new byte[1 << 16];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, token);
            if (received.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
            {
                await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, token);
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, token);
        }
    }
}
