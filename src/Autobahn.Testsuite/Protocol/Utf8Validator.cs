namespace Autobahn.Testsuite.Protocol;

/// <summary>
/// Incremental UTF-8 validator (RFC 3629, required for text frames by RFC 6455 §8.1), a port of
/// autobahn's utf8validator.py: Bjoern Hoehrmann's "Flexible and Economical UTF-8 Decoder" DFA
/// (http://bjoern.hoehrmann.de/utf-8/decoder/dfa/). It rejects overlong forms, surrogates
/// U+D800..U+DFFF and code points above U+10FFFF at the first byte that makes the sequence invalid,
/// which is what wstest's fail-fast cases (6.4.x) measure.
/// </summary>
internal sealed class Utf8Validator
{
    private const byte Accept = 0;
    private const byte Reject = 1;

    // Hoehrmann's table, as in utf8validator.py: bytes 0..255 map an input byte to a character class;
    // bytes 256.. are the transitions, indexed by 256 + state * 16 + class. States are 0 (accept), 1 (reject)
    // and 2..8 (inside a code point).
    private static ReadOnlySpan<byte> Dfa =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 00..1f
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 20..3f
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 40..5f
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 60..7f
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, // 80..9f
        7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, // a0..bf
        8, 8, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, // c0..df
        0xa, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x4, 0x3, 0x3, // e0..ef
        0xb, 0x6, 0x6, 0x6, 0x5, 0x8, 0x8, 0x8, 0x8, 0x8, 0x8, 0x8, 0x8, 0x8, 0x8, 0x8, // f0..ff
        0x0, 0x1, 0x2, 0x3, 0x5, 0x8, 0x7, 0x1, 0x1, 0x1, 0x4, 0x6, 0x1, 0x1, 0x1, 0x1, // s0
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, // s1..s2
        1, 2, 1, 1, 1, 1, 1, 2, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, // s3..s4
        1, 2, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 3, 1, 1, 1, 1, 1, 1, // s5..s6
        1, 3, 1, 1, 1, 1, 1, 3, 1, 3, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // s7..s8
    ];

    private byte state = Accept;
    private long total;

    /// <summary>Starts a new sequence (a new text message or close reason).</summary>
    public void Reset()
    {
        state = Accept;
        total = 0;
    }

    /// <summary>
    /// Feeds the next chunk of the sequence, like autobahn's <c>validate()</c>.
    /// </summary>
    /// <remarks>
    /// Rejection is sticky: a later non-empty chunk is rejected at its first byte and
    /// <see cref="Utf8ValidationResult.TotalIndex"/> stays at the rejecting byte. As in autobahn, an empty chunk
    /// after a rejection reports <c>IsValid = true</c> with <c>EndsOnCodePoint = false</c>.
    /// </remarks>
    public Utf8ValidationResult Validate(ReadOnlySpan<byte> chunk)
    {
        var dfa = Dfa;
        int state = this.state;
        for (var i = 0; i < chunk.Length; i++)
        {
            state = dfa[256 + (state << 4) + dfa[chunk[i]]];
            if (state == Reject)
            {
                this.state = Reject;
                total += i;
                return new Utf8ValidationResult(false, false, i, total);
            }
        }

        this.state = (byte)state;
        total += chunk.Length;
        return new Utf8ValidationResult(true, state == Accept, chunk.Length, total);
    }

    /// <summary>True iff <paramref name="whole"/> is valid UTF-8 and does not end inside a code point.</summary>
    public static bool IsValid(ReadOnlySpan<byte> whole)
    {
        var validator = new Utf8Validator();
        var result = validator.Validate(whole);
        return result.IsValid && result.EndsOnCodePoint;
    }
}
