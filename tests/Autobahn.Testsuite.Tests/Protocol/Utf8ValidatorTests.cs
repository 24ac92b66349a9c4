using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Protocol;

public class Utf8ValidatorTests
{
    public static TheoryData<string, string, bool> WstestPayloads => WstestUtf8Payloads.All;

    [Fact]
    public void WstestPayloads_Table_Has132CasesWith63Valid()
    {
        var rows = WstestUtf8Payloads.All.Select(row => ((string)row[0], (string)row[1], (bool)row[2])).ToList();

        Assert.Equal(132, rows.Count);
        Assert.Equal(63, rows.Count(row => row.Item3));
        Assert.Equal(69, rows.Count(row => !row.Item3));
        Assert.Equal(132, rows.Select(row => row.Item1).Distinct().Count());
    }

    [Fact]
    public void WstestPayloads_Subgroup66_IsEveryPrefixOfKosme()
    {
        const string kosme = "cebae1bdb9cf83cebcceb5";
        var subgroup = WstestUtf8Payloads.All
            .Select(row => ((string)row[0], (string)row[1]))
            .Where(row => row.Item1.StartsWith("6.6.", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(11, subgroup.Count);
        for (var n = 1; n <= 11; n++)
        {
            Assert.Equal(($"6.6.{n}", kosme[..(2 * n)]), subgroup[n - 1]);
        }
    }

    [Theory]
    [MemberData(nameof(WstestPayloads))]
    public void IsValid_WstestPayloadWhole_MatchesExpectation(string caseId, string hex, bool expectedValid)
    {
        Assert.True(expectedValid == Utf8Validator.IsValid(Convert.FromHexString(hex)), $"case {caseId}: 0x{hex}");
    }

    [Theory]
    [MemberData(nameof(WstestPayloads))]
    public void Validate_WstestPayloadSplitInTwoAtEveryPosition_SameVerdictAndRejectIndex(string caseId, string hex, bool expectedValid)
    {
        var payload = Convert.FromHexString(hex);
        var whole = Feed(payload);
        Assert.True(expectedValid == whole.Valid, $"case {caseId}: 0x{hex}");

        for (var split = 0; split <= payload.Length; split++)
        {
            var chunked = Feed(payload[..split], payload[split..]);

            Assert.True(whole == chunked, $"case {caseId}: split at {split}: {chunked} vs whole {whole}");
        }
    }

    [Theory]
    [MemberData(nameof(WstestPayloads))]
    public void Validate_WstestPayloadByteByByte_SameVerdictAndRejectIndex(string caseId, string hex, bool expectedValid)
    {
        var payload = Convert.FromHexString(hex);
        var whole = Feed(payload);

        var byteWise = Feed(payload.Select(b => new[] { b }).ToArray());

        Assert.True(expectedValid == byteWise.Valid, $"case {caseId}: 0x{hex}");
        Assert.True(whole == byteWise, $"case {caseId}: {byteWise} vs whole {whole}");
    }

    [Fact]
    public void Validate_Case631Surrogate_RejectedAtSecondByteOfEda0()
    {
        // 11 bytes of "κόσμε", then ED A0 80 (U+D800): ED is a valid lead byte, A0 after ED is not (surrogate range).
        var validator = new Utf8Validator();

        var result = validator.Validate(Convert.FromHexString("cebae1bdb9cf83cebcceb5eda080656469746564"));

        Assert.Equal(new Utf8ValidationResult(false, false, 12, 12), result);
    }

    [Fact]
    public void Validate_Case641Parts_ValidAfterPart1AndRejectedInsidePart2()
    {
        var validator = new Utf8Validator();

        var part1 = validator.Validate(Convert.FromHexString("cebae1bdb9cf83cebcceb5"));
        var part2 = validator.Validate(Convert.FromHexString("f4908080"));

        Assert.Equal(new Utf8ValidationResult(true, true, 11, 11), part1);
        Assert.Equal(new Utf8ValidationResult(false, false, 1, 12), part2); // at 0x90: F4 allows only 80..8F (> U+10FFFF)
    }

    [Fact]
    public void Validate_Case642Parts_Part2IsTheRejectingByte()
    {
        var validator = new Utf8Validator();

        var part1 = validator.Validate(Convert.FromHexString("cebae1bdb9cf83cebcceb5f4"));
        var part2 = validator.Validate(Convert.FromHexString("90"));

        Assert.Equal(new Utf8ValidationResult(true, false, 12, 12), part1);
        Assert.Equal(new Utf8ValidationResult(false, false, 0, 12), part2);
    }

    [Fact]
    public void Validate_AfterRejection_StaysRejectedAtSameTotalIndex()
    {
        var validator = new Utf8Validator();
        validator.Validate(Convert.FromHexString("4142"));
        var rejected = validator.Validate(Convert.FromHexString("43ff44"));

        var next = validator.Validate(Convert.FromHexString("45"));

        Assert.Equal(new Utf8ValidationResult(false, false, 1, 3), rejected);
        Assert.Equal(new Utf8ValidationResult(false, false, 0, 3), next);
    }

    [Fact]
    public void Validate_EmptyChunkAfterRejection_ValidButNotOnCodePointAsInAutobahn()
    {
        var validator = new Utf8Validator();
        validator.Validate(Convert.FromHexString("ff"));

        Assert.Equal(new Utf8ValidationResult(true, false, 0, 0), validator.Validate([]));
    }

    [Fact]
    public void Validate_EmptyFirstChunk_ValidOnCodePoint()
    {
        Assert.Equal(new Utf8ValidationResult(true, true, 0, 0), new Utf8Validator().Validate([]));
    }

    [Fact]
    public void Validate_ChunkEndingInsideCodePoint_ValidNotOnCodePoint()
    {
        var validator = new Utf8Validator();

        Assert.Equal(new Utf8ValidationResult(true, false, 3, 3), validator.Validate(Convert.FromHexString("41e282")));
        Assert.Equal(new Utf8ValidationResult(true, true, 1, 4), validator.Validate(Convert.FromHexString("ac")));
    }

    [Fact]
    public void Reset_AfterRejection_StartsOver()
    {
        var validator = new Utf8Validator();
        validator.Validate(Convert.FromHexString("41ff"));

        validator.Reset();

        Assert.Equal(new Utf8ValidationResult(true, true, 2, 2), validator.Validate(Convert.FromHexString("c2a2")));
    }

    [Theory]
    [InlineData("edb080", 1)]   // U+DC00, low surrogate
    [InlineData("edbfbf", 1)]   // U+DFFF
    [InlineData("c080", 0)]     // overlong U+0000: C0 is never valid
    [InlineData("e08080", 1)]   // overlong 3-byte
    [InlineData("f0808080", 1)] // overlong 4-byte
    [InlineData("f5", 0)]       // lead byte beyond U+10FFFF
    [InlineData("80", 0)]       // lone continuation byte
    [InlineData("c241", 1)]     // lead byte without continuation
    public void Validate_InvalidSequence_RejectedAtFirstImpossibleByte(string hex, int expectedIndex)
    {
        var result = new Utf8Validator().Validate(Convert.FromHexString(hex));

        Assert.Equal(new Utf8ValidationResult(false, false, expectedIndex, expectedIndex), result);
    }

    [Theory]
    [InlineData("ed9fbf")]   // U+D7FF, last before the surrogates
    [InlineData("ee8080")]   // U+E000, first after the surrogates
    [InlineData("f48fbfbf")] // U+10FFFF
    [InlineData("efbfbf")]   // U+FFFF
    public void IsValid_BoundaryCodePoints_Valid(string hex)
    {
        Assert.True(Utf8Validator.IsValid(Convert.FromHexString(hex)));
    }

    private static Verdict Feed(params byte[][] chunks)
    {
        var validator = new Utf8Validator();
        var last = validator.Validate([]);
        foreach (var chunk in chunks)
        {
            last = validator.Validate(chunk);
            if (!last.IsValid)
            {
                return new Verdict(false, last.TotalIndex);
            }
        }

        return new Verdict(last.EndsOnCodePoint, last.EndsOnCodePoint ? null : last.TotalIndex);
    }

    /// <summary>A message's verdict: valid, or the total index where it was rejected (or its length if it ended inside a code point).</summary>
    private readonly record struct Verdict(bool Valid, long? RejectIndex);
}
