using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Unicode;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// Property-based tests of <see cref="Utf8Validator"/> (Hoehrmann's DFA, autobahn's utf8validator.py) against .NET's
/// strict UTF-8 decoding (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), with a seeded PRNG and
/// a time budget, on random octets and on valid text with a few octets changed.
/// </summary>
public class Utf8ValidatorPropertyTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Fact]
    public void RandomAndMutatedInput_AgreesWithStrictDecoder_AtTheSameOctet_InAnySplit()
    {
        var random = new Random(3629);
        var iterations = 0;
        var valid = 0;
        for (var stopwatch = Stopwatch.StartNew(); stopwatch.Elapsed < Budget; iterations++)
        {
            var input = iterations % 2 == 0 ? RandomOctets(random) : MutatedText(random);
            var hex = Convert.ToHexString(input);

            // Validity of the whole: the DFA (valid and ending on a code point) versus the strict decoder.
            var expectedValid = DecodesStrictly(input);
            Assert.True(Utf8Validator.IsValid(input) == expectedValid, $"IsValid disagrees on {hex}");
            if (expectedValid) valid++;

            // Fail-fast position (what 6.4.x measures): the first octet after which no valid text can continue, i.e. the
            // shortest prefix that is not the beginning of some valid UTF-8 — where the DFA must reject.
            var whole = new Utf8Validator().Validate(input);
            var rejectAt = FirstImpossiblePrefix(input);
            Assert.True(whole.IsValid == (rejectAt < 0), $"validity disagrees on {hex}");
            if (rejectAt >= 0) Assert.True(whole.TotalIndex == rejectAt, $"rejected at {whole.TotalIndex}, expected {rejectAt}: {hex}");
            else Assert.True(whole.EndsOnCodePoint == expectedValid, $"EndsOnCodePoint disagrees on {hex}");

            // Any split of the same octets gives the same answer (autobahn validates per frame chunk).
            var validator = new Utf8Validator();
            Utf8ValidationResult last = new(true, true, 0, 0);
            foreach (var chunk in Split(input, random))
            {
                last = validator.Validate(chunk);
                if (!last.IsValid) break;
            }

            Assert.True((last.IsValid, last.IsValid && last.EndsOnCodePoint, last.TotalIndex) == (whole.IsValid, whole.IsValid && whole.EndsOnCodePoint, whole.TotalIndex), $"split differs on {hex}");
        }

        Assert.True(iterations > 1000, $"only {iterations} iterations");
        Assert.True(valid > iterations / 10, $"only {valid} of {iterations} inputs were valid: the generator is too hostile to test much");
    }

    private static bool DecodesStrictly(byte[] input)
    {
        try
        {
            Strict.GetString(input);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static int FirstImpossiblePrefix(byte[] input)
    {
        var scratch = new char[input.Length + 1];
        for (var end = 1; end <= input.Length; end++)
        {
            // isFinalBlock false: an incomplete code point at the end is NeedMoreData, not invalid.
            if (Utf8.ToUtf16(input.AsSpan(0, end), scratch, out _, out _, replaceInvalidSequences: false, isFinalBlock: false) == OperationStatus.InvalidData) return end - 1;
        }

        return -1;
    }

    /// <summary>Random octets, biased toward the interesting ones: lead octets, continuation octets, C0/C1, F4–FF.</summary>
    private static byte[] RandomOctets(Random random)
    {
        var bytes = new byte[random.Next(0, 24)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = random.Next(4) switch
            {
                0 => (byte)random.Next(0x80, 0xC0),
                1 => (byte)random.Next(0xC0, 0x100),
                2 => (byte)random.Next(0x00, 0x80),
                _ => (byte)random.Next(256),
            };
        }

        return bytes;
    }

    /// <summary>Valid text (random scalar values from every plane length), then sometimes one to three octets changed, cut or dropped.</summary>
    private static byte[] MutatedText(Random random)
    {
        var text = new StringBuilder();
        for (var n = random.Next(0, 8); n > 0; n--)
        {
            var scalar = random.Next(4) switch
            {
                0 => random.Next(0, 0x80),
                1 => random.Next(0x80, 0x800),
                2 => random.Next(2) == 0 ? random.Next(0x800, 0xD800) : random.Next(0xE000, 0x10000),
                _ => random.Next(0x10000, 0x110000),
            };
            text.Append(char.ConvertFromUtf32(scalar));
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).ToList();
        for (var m = random.Next(0, 4); m > 0 && bytes.Count > 0; m--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(at); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }

    private static IEnumerable<byte[]> Split(byte[] input, Random random)
    {
        for (var at = 0; at < input.Length;)
        {
            var size = random.Next(0, 5); // empty chunks too
            size = Math.Min(size, input.Length - at);
            yield return input[at..(at + size)];
            at += size;
        }
    }
}
