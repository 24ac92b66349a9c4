using Autobahn.Testsuite.Reports;

namespace Autobahn.Testsuite.Tests.Reports;

public sealed class IndexHtmlTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "autobahn-index-html-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Render_EveryVerdict_HasWstestsCellTextAndColour()
    {
        var html = Write(out _);

        Assert.Contains("<td class=\"case_ok\"><a href=\"autobahnserver_case_2_2.html\">Pass</a></td><td class=\"close case_ok\"><span class=\"close_code\">1000</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"case_non_strict\"><a href=\"autobahnserver_case_3_2.html\">Non-Strict</a></td><td class=\"close case_ok\"><span class=\"close_code\">1002</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"case_ok\"><a href=\"autobahnserver_case_3_1.html\">Pass</a></td><td class=\"close case_non_strict\"><span class=\"close_code\">1000</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"case_ok\"><a href=\"autobahnserver_case_1_1_1.html\">Pass</a></td><td class=\"close case_failed\"><span class=\"close_code\">Unclean</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"case_ok\"><a href=\"autobahnserver_case_9_1_1.html\">Pass</a><br/><span class=\"case_duration\">12 ms</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"case_ok\"><a href=\"other_case_12_1_1.html\">Pass</a><br/><span class=\"case_duration\">671 ms [1.000/0.985]</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"case_unimplemented close_flex\" colspan=\"2\">Unimplemented</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"case_missing close_flex\" colspan=\"2\">Missing</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailedBehavior_IsFailWithItsCloseCell()
    {
        var writer = new ReportWriter(directory);
        writer.Record(ReportSamples.Failed22());
        writer.Flush();

        var html = File.ReadAllText(writer.IndexHtmlPath);

        Assert.Contains("<td class=\"case_failed\"><a href=\"autobahnserver_case_2_2.html\">Fail</a></td><td class=\"close case_ok\"><span class=\"close_code\">1000</span></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AllCasesUnderCategoryAndSubcategoryRows_AgentsSorted()
    {
        var html = Write(out _);

        Assert.Equal(517, CountOf(html, "<tr class=\"agent_case_result_row\""));
        Assert.Contains("<td class=\"case_category\">1 Framing</td>\n            <td class=\"agent close_flex\" colspan=\"2\">AutobahnServer</td>\n            <td class=\"agent close_flex\" colspan=\"2\">Other</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"case_subcategory\" colspan=\"5\">1.1 Text Messages</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"case_category\">13 WebSocket Compression (different parameters)</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2.1 </td>", html, StringComparison.Ordinal); // section 2 has no subcategories
        Assert.Contains("<a id=\"case_desc_6_4_3\"></a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_WritesEveryFileAtomicallyAndIndexJsonHasWstestsShape()
    {
        Write(out var writer);

        WstestReportShape.AssertIndex(File.ReadAllText(writer.IndexPath));
        foreach (var file in Directory.GetFiles(directory, "*_case_*.json")) WstestReportShape.AssertCaseReport(File.ReadAllText(file));
        Assert.Equal(Directory.GetFiles(directory, "*_case_*.json").Length, Directory.GetFiles(directory, "*_case_*.html").Length);
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
    }

    [Fact]
    public void Record_WithinTheInterval_WritesIndexHtmlOnlyWhenTheTimerFiresOrOnFlush()
    {
        var time = new ManualTime();
        var writer = new ReportWriter(directory) { Time = time };

        writer.Record(ReportSamples.Ok22());
        Assert.Contains("autobahnserver_case_2_2.html", File.ReadAllText(writer.IndexHtmlPath), StringComparison.Ordinal); // the first case at once
        Assert.Null(time.Callback);

        time.Ticks += TimeSpan.FromMilliseconds(200).Ticks;
        writer.Record(ReportSamples.NonStrict32());
        writer.Record(ReportSamples.WrongCode31());
        Assert.DoesNotContain("autobahnserver_case_3_2.html", File.ReadAllText(writer.IndexHtmlPath), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(800), time.Due); // the rest of the interval
        Assert.Contains("autobahnserver_case_3_2.json", File.ReadAllText(writer.IndexPath), StringComparison.Ordinal); // index.json at once

        time.Fire();
        var html = File.ReadAllText(writer.IndexHtmlPath);
        Assert.Contains("autobahnserver_case_3_2.html", html, StringComparison.Ordinal);
        Assert.Contains("autobahnserver_case_3_1.html", html, StringComparison.Ordinal);

        time.Ticks += TimeSpan.FromMilliseconds(100).Ticks;
        writer.Record(ReportSamples.Unclean111());
        Assert.DoesNotContain("autobahnserver_case_1_1_1.html", File.ReadAllText(writer.IndexHtmlPath), StringComparison.Ordinal);
        writer.Flush();
        Assert.Contains("autobahnserver_case_1_1_1.html", File.ReadAllText(writer.IndexHtmlPath), StringComparison.Ordinal);

        time.Ticks += TimeSpan.FromSeconds(1).Ticks;
        writer.Record(ReportSamples.Limits911());
        Assert.Contains("autobahnserver_case_9_1_1.html", File.ReadAllText(writer.IndexHtmlPath), StringComparison.Ordinal); // interval over: at once
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    private string Write(out ReportWriter writer)
    {
        writer = new ReportWriter(directory) { Time = new FixedTime() };
        foreach (var name in new[] { "ok_2_2", "non_strict_3_2", "unclean_1_1_1", "wrong_code_3_1", "unimplemented_12_1_1", "limits_9_1_1" })
        {
            writer.Record(ReportSamples.Get(name));
        }

        writer.Record(ReportSamples.Compression1211() with { Agent = "Other" });
        writer.Flush();
        return File.ReadAllText(writer.IndexHtmlPath);
    }

    private sealed class ManualTime : TimeProvider
    {
        public long Ticks { get; set; } = 1;

        public TimerCallback? Callback { get; private set; }

        public TimeSpan Due { get; private set; }

        private object? State { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Ticks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            (Callback, State, Due) = (callback, state, dueTime);
            return new NeverTimer();
        }

        public void Fire() => Callback!(State);

        private sealed class NeverTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 25, 16, 0, 0, TimeSpan.Zero);
    }
}
