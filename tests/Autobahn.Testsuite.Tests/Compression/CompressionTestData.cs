using System.Text;

namespace Autobahn.Testsuite.Tests.Compression;

/// <summary>Deterministic inputs for the compression tests (seeded <see cref="Random"/>, so identical on every run).</summary>
internal static class CompressionTestData
{
    private static readonly string[] Words =
    [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not",
        "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were",
        "their", "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would",
        "who", "so", "no", "socket", "server", "message", "frame", "compression", "window", "protocol", "client",
        "extension", "deflate", "header", "payload", "connection", "handshake", "library", "network", "between",
        "through", "against", "because", "without", "another", "however", "something", "important", "different",
        "following", "question", "government", "development", "experience", "information", "everything", "although",
    ];

    private static readonly string[] Names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];

    /// <summary>The named inputs of the round-trip theory.</summary>
    public static byte[] Named(string name) => name switch
    {
        "empty" => [],
        "one byte" => [0x42],
        "Hello" => "Hello"u8.ToArray(),
        "64 KiB repeated text" => RepeatedText(64 * 1024),
        "1 MiB JSON" => Json(1024 * 1024, seed: 1),
        "256 KiB random" => RandomBytes(256 * 1024, seed: 2),
        "1 MiB zeros" => new byte[1024 * 1024],
        "English prose" => English(300 * 1024, seed: 3),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>A short sentence repeated to <paramref name="length"/> bytes.</summary>
    public static byte[] RepeatedText(int length)
    {
        var sentence = "The quick brown fox jumps over the lazy dog. "u8.ToArray();
        var data = new byte[length];
        for (var i = 0; i < length; i++)
        {
            data[i] = sentence[i % sentence.Length];
        }

        return data;
    }

    /// <summary>JSON-like records (an array of objects with varied ids, names, numbers and flags), cut to <paramref name="length"/> bytes.</summary>
    public static byte[] Json(int length, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length + 256);
        text.Append('[');
        for (var id = 0; text.Length < length; id++)
        {
            text.Append("{\"id\":").Append(id)
                .Append(",\"name\":\"").Append(Names[random.Next(Names.Length)]).Append('-').Append(random.Next(10000))
                .Append("\",\"active\":").Append(random.Next(2) == 0 ? "true" : "false")
                .Append(",\"score\":").Append(random.Next(100000) / 100.0)
                .Append(",\"tags\":[\"").Append(Words[random.Next(Words.Length)]).Append("\",\"").Append(Words[random.Next(Words.Length)])
                .Append("\"],\"comment\":\"");
            AppendWords(text, random, 3 + random.Next(8));
            text.Append("\"},\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, length));
    }

    /// <summary>Pseudo-English prose with a skewed word distribution, cut to <paramref name="length"/> bytes.</summary>
    public static byte[] English(int length, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length + 256);
        while (text.Length < length)
        {
            var words = 6 + random.Next(14);
            var start = text.Length;
            AppendWords(text, random, words);
            text[start] = char.ToUpperInvariant(text[start]);
            text.Append(random.Next(6) == 0 ? ".\n" : ". ");
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, length));
    }

    /// <summary>Uniformly random bytes.</summary>
    public static byte[] RandomBytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>A random block of <paramref name="period"/> bytes repeated to <paramref name="length"/> bytes: the only long matches are at multiples of the period.</summary>
    public static byte[] Periodic(int period, int length, int seed)
    {
        var block = RandomBytes(period, seed);
        var data = new byte[length];
        for (var i = 0; i < length; i++)
        {
            data[i] = block[i % period];
        }

        return data;
    }

    private static void AppendWords(StringBuilder text, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(random.Next(12) == 0 ? ", " : " ");
            }

            // Squaring a uniform number favours the first (common) words, roughly like natural text.
            var u = random.NextDouble();
            text.Append(Words[(int)(u * u * Words.Length)]);
        }
    }
}
