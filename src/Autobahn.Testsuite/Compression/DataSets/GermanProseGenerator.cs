using System.Text;

namespace Autobahn.Testsuite.Compression.DataSets;

/// <summary>
/// The stand-in for wstest's <c>pg2229.txt</c> (<c>gutenberg_faust</c>): German verse drama laid out like the
/// Project Gutenberg file (UTF-8 with a byte order mark, <c>\n</c> line ends, two-space indented verse, speaker
/// names in capitals followed by a colon, stage directions in parentheses), made of common German function words
/// and a generated lexicon with umlauts and ß about as frequent as in the original. wstest sends it as binary.
/// </summary>
internal static class GermanProseGenerator
{
    /// <summary>The size of wstest v0.8.2's <c>pg2229.txt</c>.</summary>
    public const int Length = 222218;

    // Distinct generated words; tuned so that deflate (level 6) compresses the file about as well as the original.
    private const int LexiconSize = 3000;

    private static readonly string[] FunctionWords =
    [
        "und", "ich", "die", "der", "nicht", "zu", "ist", "in", "ein", "das", "sich", "mir", "du", "mich", "den", "sie",
        "mit", "es", "so", "auf", "dem", "an", "nur", "wie", "er", "was", "wir", "von", "mein", "doch", "ihr", "noch",
        "wohl", "auch", "wenn", "dich", "dir", "sein", "hat", "bin", "wird", "ach", "da", "hier", "kann", "will", "soll",
        "mag", "muß", "zum", "vom", "im", "aus", "nach", "bei", "um", "für", "über", "schon", "nun", "dann", "denn",
        "kein", "alles", "ganz", "gar", "selbst", "immer", "nie", "ja", "nein", "euch", "uns", "sind", "war", "hab",
        "hast", "gut", "recht", "wo", "wer", "weh", "mehr", "viel", "dies", "einer", "eines", "einem", "dein", "ihm",
        "ihn", "ihre", "seine", "meine", "gern", "heut", "froh", "schön", "süß", "früh", "möcht", "würde", "wär",
        "hätt", "läßt", "daß", "müßt", "für", "hören", "können", "zurück", "Herz", "Welt", "Geist", "Gott", "Tag",
        "Nacht", "Leben", "Liebe", "Mann", "Frau", "Kind", "Hand", "Aug", "Blut", "Lust", "Glück", "Brust", "Natur",
    ];

    private static readonly string[] Speakers =
    [
        "DER DICHTER", "DER WANDERER", "DIE ALTE", "DER SCHÜLER", "EIN BÜRGER", "DER GEIST", "DAS MÄDCHEN", "CHOR",
        "ERSTER GESELL", "ZWEITER GESELL", "DER WIRT", "DIE NACHBARIN", "DER BRUDER", "STIMME",
    ];

    private static readonly string[] Onsets =
    [
        "b", "br", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "h", "k", "kl", "kr", "l", "m", "n", "pf", "r", "s",
        "sch", "schw", "schl", "st", "str", "sp", "t", "tr", "w", "z", "zw", "", "", "",
    ];

    private static readonly string[] Nuclei =
    [
        "a", "e", "i", "o", "u", "ei", "au", "ie", "a", "e", "e", "i", "a", "e", "i", "o", "u", "ei", "e", "a", "eu",
        "a", "e", "i", "o", "u", "ei", "au", "ie", "a", "e", "e", "i", "a", "e", "i", "o", "u", "ei", "e", "a", "eu",
        "ä", "ü", "ö", "ü",
    ];

    private static readonly string[] Codas = ["", "n", "r", "l", "ch", "cht", "ng", "nd", "st", "t", "ff", "rz", "lt", "nk", "ck", "m", "s", "", "", "n", "r"];

    private static readonly string[] Endings = ["en", "er", "e", "ung", "heit", "lich", "ig", "keit", "chen", "", "", "", "t", "st", "et"];

    /// <summary>Generates the data set.</summary>
    public static byte[] Generate()
    {
        var random = new DataSetRandom(0x46617573_74476f65ul);
        var lexicon = Lexicon(random, LexiconSize);
        const string Footer = "\n\n  (Ende.)\n";
        var budget = Length - 3 - Encoding.UTF8.GetByteCount(Footer);

        var text = new StringBuilder(Length);
        var bytes = 0;
        void Add(string line)
        {
            text.Append(line);
            bytes += Encoding.UTF8.GetByteCount(line);
        }

        Add("Ein erzeugter Text in deutschen Versen, in der Art eines Schauspiels.\n");
        Add("Er steht fuer ein gemeinfreies Buch und hat keinen Inhalt ausser seiner Form.\n\n\n");
        var line = new StringBuilder(120);
        for (var scene = 1; ; scene++)
        {
            var heading = "\n\n  " + SceneName(random, lexicon, scene) + ".\n\n";
            if (bytes + Encoding.UTF8.GetByteCount(heading) > budget)
            {
                break;
            }

            Add(heading);
            var full = false;
            for (int speech = 0, speeches = random.Next(6, 40); speech < speeches && !full; speech++)
            {
                var speaker = "  " + random.Pick(Speakers) + (random.OneIn(9) ? " (" + Phrase(random, lexicon, 2, 4) + ")" : "") + ":\n";
                if (bytes + Encoding.UTF8.GetByteCount(speaker) > budget)
                {
                    full = true;
                    break;
                }

                Add(speaker);
                var verses = random.OneIn(3) ? random.Next(1, 4) : random.Next(2, 16);
                for (var v = 0; v < verses; v++)
                {
                    line.Clear().Append("  ").Append(Verse(random, lexicon)).Append('\n');
                    var verse = line.ToString();
                    if (bytes + Encoding.UTF8.GetByteCount(verse) > budget)
                    {
                        full = true;
                        break;
                    }

                    Add(verse);
                }

                Add("\n");
            }

            if (full)
            {
                break;
            }
        }

        // Pad the last gap (less than one line) with blank lines to the exact size.
        text.Append('\n', budget - bytes).Append(Footer);
        var body = Encoding.UTF8.GetBytes(text.ToString());

        // The original starts with a UTF-8 byte order mark (EF BB BF).
        var result = new byte[Length];
        result[0] = 0xEF;
        result[1] = 0xBB;
        result[2] = 0xBF;
        body.CopyTo(result, 3);
        return result;
    }

    private static string SceneName(DataSetRandom random, string[] lexicon, int scene) =>
        random.OneIn(2) ? Capitalize(lexicon[random.Skewed(lexicon.Length, 2)]) : Capitalize(Phrase(random, lexicon, 2, 4)) + " " + scene;

    private static string Verse(DataSetRandom random, string[] lexicon)
    {
        var verse = new StringBuilder(64);
        if (random.OneIn(25))
        {
            return "(" + Capitalize(Phrase(random, lexicon, 3, 8)) + ".)";
        }

        var words = random.Next(4, 10);
        for (var w = 0; w < words; w++)
        {
            if (w > 0)
            {
                verse.Append(random.OneIn(9) ? ", " : " ");
            }

            var word = Word(random, lexicon);
            verse.Append(w == 0 ? Capitalize(word) : word);
        }

        verse.Append(random.Next(10) switch
        {
            < 4 => ",",
            < 6 => ".",
            6 => "!",
            7 => "?",
            8 => ";",
            _ => "",
        });
        return verse.ToString();
    }

    private static string Phrase(DataSetRandom random, string[] lexicon, int min, int max)
    {
        var phrase = new StringBuilder(48);
        for (int w = 0, words = random.Next(min, max + 1); w < words; w++)
        {
            phrase.Append(w > 0 ? " " : "").Append(Word(random, lexicon));
        }

        return phrase.ToString();
    }

    // Function words make up about half of German verse; the rest comes from the lexicon, frequent words first.
    private static string Word(DataSetRandom random, string[] lexicon) =>
        random.OneIn(2) ? FunctionWords[random.Skewed(FunctionWords.Length, 2)] : lexicon[random.Skewed(lexicon.Length, 2)];

    private static string[] Lexicon(DataSetRandom random, int size)
    {
        var words = new string[size];
        var word = new StringBuilder(24);
        for (var i = 0; i < size; i++)
        {
            word.Clear();
            for (int s = 0, syllables = random.Next(1, 4); s < syllables; s++)
            {
                word.Append(random.Pick(Onsets)).Append(random.Pick(Nuclei)).Append(random.Pick(Codas));
            }

            word.Append(random.Pick(Endings));

            // About a third are nouns, capitalized as German writes them.
            words[i] = random.OneIn(3) ? Capitalize(word.ToString()) : word.ToString();
        }

        return words;
    }

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
