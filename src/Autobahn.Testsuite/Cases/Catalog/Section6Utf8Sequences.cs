using System.Text;

namespace Autobahn.Testsuite.Cases;

internal static partial class CaseCatalog
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The payloads of 6.5–6.23, one list per subgroup (6.5 first), each entry flagged valid or not. Ported from
    /// <c>createUtf8TestSequences</c> in <c>case6_x_x.py</c>, which follows Markus Kuhn's UTF-8-test.txt (section numbers
    /// in the comments). The flags are wstest's own literals, except 6.6, where wstest asks its Utf8Validator whether each
    /// prefix is complete and valid; a strict decoder gives the same answers (RFC 3629 §3: no overlongs, no surrogates,
    /// nothing above U+10FFFF).
    /// </summary>
    private static IEnumerable<(bool IsValid, byte[] Payload)[]> Utf8TestSequences()
    {
        static (bool, byte[]) Valid(string hex) => (true, Hex(hex));
        static (bool, byte[]) Invalid(string hex) => (false, Hex(hex));
        static byte[] Hello(string hex) => [.. Utf8("hello"), .. Hex(hex), .. Utf8("world")];

        // 6.5 (1) Some valid UTF-8 sequences.
        yield return
        [
            (true, Hello("24")),        // U+0024
            (true, Hello("c2a2")),      // U+00A2
            (true, Hello("e282ac")),    // U+20AC
            (true, Hello("f0a4ada2")),  // U+24B62
            (true, Kosme),
        ];

        // 6.6 All prefixes of κόσμε: valid only when the prefix ends on a code point boundary.
        yield return [.. Enumerable.Range(1, Kosme.Length).Select(i => (IsStrictUtf8(Kosme[..i]), Kosme[..i]))];

        // 6.7 (2.1) First possible sequence of a certain length.
        yield return [Valid("00"), Valid("c280"), Valid("e0a080"), Valid("f0908080")];

        // 6.8 (2.1) First possible 5/6-byte sequences: the integer scheme allows them, UTF-8 ends at U+10FFFF.
        yield return [Invalid("f888808080"), Invalid("fc8480808080")];

        // 6.9 (2.2) Last possible sequence of a certain length.
        yield return [Valid("7f"), Valid("dfbf"), Valid("efbfbf"), Valid("f48fbfbf")];

        // 6.10 (2.2) Last possible 4/5/6-byte sequences of the integer scheme (beyond U+10FFFF).
        yield return [Invalid("f7bfbfbf"), Invalid("fbbfbfbfbf"), Invalid("fdbfbfbfbfbf")];

        // 6.11 (2.3) Other boundary conditions.
        yield return [Valid("ed9fbf"), Valid("ee8080"), Valid("efbfbd"), Valid("f48fbfbf"), Invalid("f4908080")];

        // 6.12 (3.1) Unexpected continuation bytes; the last is 0x80..0xBE (Python's xrange(0x80, 0xbf) stops before 0xBF).
        yield return
        [
            Invalid("80"), Invalid("bf"), Invalid("80bf"), Invalid("80bf80"), Invalid("80bf80bf"), Invalid("80bf80bf80"),
            Invalid("80bf80bf80bf"),
            (false, [.. Enumerable.Range(0x80, 0xBF - 0x80).Select(b => (byte)b)]),
        ];

        // 6.13 (3.2) Lonely start characters, each followed by a space; ranges end one before their upper bound (xrange).
        yield return
        [
            .. new[] { (0xC0, 0xDF), (0xE0, 0xEF), (0xF0, 0xF7), (0xF8, 0xFB), (0xFC, 0xFD) }.Select(range =>
                (false, Enumerable.Range(range.Item1, range.Item2 - range.Item1).SelectMany(b => new[] { (byte)b, (byte)0x20 }).ToArray())),
        ];

        // 6.14 (3.3) Sequences with the last continuation byte missing.
        string[] truncated = ["c0", "e080", "f08080", "f8808080", "fc80808080", "df", "efbf", "f7bfbf", "fbbfbfbf", "fdbfbfbfbf"];
        yield return [.. truncated.Select(Invalid)];

        // 6.15 (3.4) Concatenation of the incomplete sequences above.
        yield return [Invalid(string.Concat(truncated))];

        // 6.16 (3.5) Impossible bytes.
        yield return [Invalid("fe"), Invalid("ff"), Invalid("fefeffff")];

        // 6.17 (4.1) Overlong ASCII character "/".
        yield return [Invalid("c0af"), Invalid("e080af"), Invalid("f08080af"), Invalid("f8808080af"), Invalid("fc80808080af")];

        // 6.18 (4.2) Maximum overlong sequences.
        yield return [Invalid("c1bf"), Invalid("e09fbf"), Invalid("f08fbfbf"), Invalid("f887bfbfbf"), Invalid("fc83bfbfbfbf")];

        // 6.19 (4.3) Overlong NUL.
        yield return [Invalid("c080"), Invalid("e08080"), Invalid("f0808080"), Invalid("f880808080"), Invalid("fc8080808080")];

        // 6.20 (5.1) Single UTF-16 surrogates.
        yield return [.. new[] { "eda080", "edadbf", "edae80", "edafbf", "edb080", "edbe80", "edbfbf" }.Select(Invalid)];

        // 6.21 (5.2) Paired UTF-16 surrogates.
        yield return
        [
            .. new[] { "eda080edb080", "eda080edbfbf", "edadbfedb080", "edadbfedbfbf", "edae80edb080", "edae80edbfbf", "edafbfedb080", "edafbfedbfbf" }
                .Select(Invalid),
        ];

        // 6.22 (5.3) Non-characters: valid UTF-8 (RFC 3629). U+FFFE, U+FFFF, then F[0-4] [89AB]F BF [BE-BF] except those
        // above U+10FFFF (F4 other than F4 8F) and the two overlong F0 8F forms.
        var nonCharacters = new List<(bool, byte[])> { Valid("efbfbe"), Valid("efbfbf") };
        foreach (var z1 in new byte[] { 0xF0, 0xF1, 0xF2, 0xF3, 0xF4 })
        {
            foreach (var z2 in new byte[] { 0x8F, 0x9F, 0xAF, 0xBF })
            {
                if (z1 == 0xF4 && z2 != 0x8F) continue;
                foreach (var z3 in new byte[] { 0xBE, 0xBF })
                {
                    if (z1 == 0xF0 && z2 == 0x8F) continue;
                    nonCharacters.Add((true, [z1, z2, 0xBF, z3]));
                }
            }
        }

        yield return [.. nonCharacters];

        // 6.23 Unicode specials U+FFF9..U+FFFF (replacement char U+FFFD among them).
        yield return [.. new[] { "efbfb9", "efbfba", "efbfbb", "efbfbc", "efbfbd", "efbfbe", "efbfbf" }.Select(Valid)];
    }

    private static bool IsStrictUtf8(byte[] bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
