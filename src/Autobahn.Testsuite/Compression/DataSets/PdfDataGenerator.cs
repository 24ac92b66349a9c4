using System.Globalization;
using System.Text;

namespace Autobahn.Testsuite.Compression.DataSets;

/// <summary>
/// The stand-in for wstest's <c>10.1.1.105.5439.pdf</c> (<c>ooms</c>): a PDF-like file laid out as the original
/// (a 145-page paper written by a PDF 1.2 producer): a <c>%PDF-1.2</c> header; per page a content stream marked
/// <c>/FlateDecode</c> whose bytes are high-entropy like real deflate output, its length object, the page and
/// resource dictionaries; every few pages a font (descriptor, width table, and an unfiltered font program of
/// repetitive binary); then the cross-reference table, the trailer and <c>%%EOF</c>. The "compressed" streams
/// are random bytes, not real deflate data: the file is for compression tests and is not meant to be opened.
/// </summary>
internal static class PdfDataGenerator
{
    /// <summary>The size of wstest v0.8.2's <c>10.1.1.105.5439.pdf</c>.</summary>
    public const int Length = 1042328;

    private static readonly string[] FontNames = ["Times-Roman", "Times-Bold", "Times-Italic", "Helvetica", "Courier", "Symbol", "CMR10", "CMMI10", "CMSY10", "CMBX12"];

    /// <summary>Generates the data set.</summary>
    public static byte[] Generate()
    {
        var random = new DataSetRandom(0x50444631_2e325f21ul);
        var pdf = new PdfWriter(Length);
        pdf.Ascii("%PDF-1.2\n%\u00E2\u00E3\u00CF\u00D3\n");

        // 1: catalog, 2: info, 3: page tree; pages follow.
        pdf.BeginObject(1).Ascii("<</Type/Catalog/Pages 3 0 R>>\n").EndObject();
        pdf.BeginObject(2).Ascii("<</Producer(Generated stand-in)/Title(Compression test data)>>\n").EndObject();
        pdf.BeginObject(3).Ascii("<</Type/Pages/MediaBox [0 0 612 792]>>\n").EndObject();

        var fonts = new List<int>();

        // Pages until the file is nearly full, leaving room for one last stream, the xref table and the trailer.
        var next = 4;
        while (pdf.Position + 12000 + (20 * (next + 30)) < Length)
        {
            var content = next++;
            var length = next++;
            var streamLength = random.Next(1000, 6000);
            pdf.BeginObject(content).Ascii("<</Length " + Number(length) + " 0 R/Filter /FlateDecode>>\nstream\n");
            pdf.Random(random, streamLength).Ascii("\nendstream\n").EndObject();
            pdf.BeginObject(length).Ascii(Number(streamLength) + "\n").EndObject();

            if (fonts.Count == 0 || random.OneIn(3))
            {
                fonts.Add(WriteFont(pdf, random, ref next));
            }

            var resources = next++;
            pdf.BeginObject(resources).Ascii("<<");
            for (int f = 0, count = Math.Min(fonts.Count, random.Next(1, 6)); f < count; f++)
            {
                var font = fonts[fonts.Count - 1 - random.Skewed(fonts.Count, 2)];
                pdf.Ascii("/R" + Number(font) + "\n" + Number(font) + " 0 R");
            }

            pdf.Ascii(">>\n").EndObject();
            var page = next++;
            var annotations = new StringBuilder();
            for (int a = 0, count = random.Next(0, 9); a < count; a++)
            {
                // Links (citations, references): small dictionaries that differ only in their numbers.
                var annotation = next++;
                annotations.Append(a > 0 ? " " : "").Append(Number(annotation)).Append(" 0 R");
                var x = random.Next(72, 500);
                var y = random.Next(72, 720);
                pdf.BeginObject(annotation).Ascii("<</Type/Annot/Subtype/Link/Rect [" + Number(x) + " " + Number(y) + " " + Number(x + random.Next(8, 60)) + " " + Number(y + 10) + "]\n/Border [0 0 0]/H /I/C [1 0 0]\n/Dest [" + Number(page) + " 0 R /XYZ 0 792 0]>>\n").EndObject();
            }

            pdf.BeginObject(page).Ascii("<</Type/Page/MediaBox [0 0 612 792]\n/Parent 3 0 R\n/Resources<</ProcSet[/PDF /Text]\n/Font " + Number(resources) + " 0 R\n>>\n/Annots [" + annotations + "]\n/Contents " + Number(content) + " 0 R\n>>\n").EndObject();
        }

        // One last "compressed" stream fills the file up to the cross-reference table, leaving a short comment
        // line to make the size exact (PDF comments may stand between objects).
        var last = next++;
        var remaining = Length - pdf.Position - Tail(next, Length) - 120;
        pdf.BeginObject(last).Ascii("<</Length " + Number(remaining) + "/Filter /FlateDecode>>\nstream\n").Random(random, remaining).Ascii("\nendstream\n").EndObject();
        var commentLength = Length - pdf.Position - Tail(next, Length);
        if (commentLength < 2)
        {
            throw new InvalidOperationException("The PDF data set overflowed its size.");
        }

        pdf.Ascii("%" + new string('-', commentLength - 2) + "\n");
        var xref = pdf.Position;
        pdf.Ascii("xref\n0 " + Number(next) + "\n0000000000 65535 f \n");
        for (var i = 1; i < next; i++)
        {
            pdf.Ascii(pdf.Offset(i).ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        pdf.Ascii("trailer\n<< /Size " + Number(next) + " /Root 1 0 R /Info 2 0 R\n>>\nstartxref\n" + Number(xref) + "\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>The size of the xref table and trailer for <paramref name="objects"/> entries (object 0 included), with the xref at a 7-digit offset.</summary>
    private static int Tail(int objects, int length)
    {
        var fixedPart = "xref\n0 " + Number(objects) + "\n" + "trailer\n<< /Size " + Number(objects) + " /Root 1 0 R /Info 2 0 R\n>>\nstartxref\n" + "\n%%EOF\n";
        return fixedPart.Length + (20 * objects) + Number(length - 1).Length;
    }

    /// <summary>A font: descriptor, font dictionary with a width table, and an unfiltered font program. Returns the font dictionary's number.</summary>
    private static int WriteFont(PdfWriter pdf, DataSetRandom random, ref int next)
    {
        var program = next++;
        var descriptor = next++;
        var font = next++;
        var name = Tag(random) + "+" + random.Pick(FontNames);

        var programLength = random.Next(1500, 6000);
        pdf.BeginObject(program).Ascii("<</Subtype/Type1C/Length " + Number(programLength) + ">>stream\n");
        pdf.Ascii("\u0001\u0000\u0004\u0002\u0000\u0001\u0001\u0001" + name + "\u0000");
        FontProgram(pdf, random, programLength - name.Length - 9);
        pdf.Ascii("\nendstream\n").EndObject();

        pdf.BeginObject(descriptor).Ascii("<</Type/FontDescriptor/FontName/" + name + "/FontBBox[" + Number(-random.Next(200)) + " " + Number(-random.Next(300)) + " " + Number(random.Next(800, 1200)) + " " + Number(random.Next(700, 1000)) + "]/Flags " + Number(random.Next(4, 70)) + "\n/Ascent " + Number(random.Next(600, 800)) + "\n/CapHeight " + Number(random.Next(600, 700)) + "\n/Descent " + Number(-random.Next(150, 250)) + "\n/ItalicAngle 0\n/StemV " + Number(random.Next(50, 150)) + "\n/MissingWidth 500\n/FontFile3 " + Number(program) + " 0 R>>\n").EndObject();

        var widths = new StringBuilder(1024);
        var first = 32;
        var last = random.Next(100, 127);
        for (var c = first; c <= last; c++)
        {
            widths.Append(c > first ? (c % 16 == 0 ? "\n" : " ") : "").Append(Number(random.OneIn(3) ? 500 : random.Next(25, 75) * 10));
        }

        pdf.BeginObject(font).Ascii("<</BaseFont/" + name + "/FontDescriptor " + Number(descriptor) + " 0 R/Type/Font\n/FirstChar " + Number(first) + "/LastChar " + Number(last) + "/Widths[" + widths + "]\n/Encoding/WinAnsiEncoding/Subtype/Type1>>\n").EndObject();
        return font;
    }

    /// <summary>
    /// Bytes that look like compact font charstrings: short operand/operator sequences drawn, with a skew, from a
    /// per-font vocabulary (fonts repeat their drawing commands), mixed with single random bytes.
    /// </summary>
    private static void FontProgram(PdfWriter pdf, DataSetRandom random, int length)
    {
        var vocabulary = new byte[64][];
        for (var i = 0; i < vocabulary.Length; i++)
        {
            vocabulary[i] = new byte[random.Next(2, 7)];
            random.NextBytes(vocabulary[i]);
        }

        var written = 0;
        Span<byte> one = stackalloc byte[1];
        while (written < length)
        {
            if (random.Next(100) < 45)
            {
                var token = vocabulary[random.Skewed(vocabulary.Length, 2)];
                var count = Math.Min(token.Length, length - written);
                pdf.Bytes(token.AsSpan(0, count));
                written += count;
            }
            else
            {
                one[0] = (byte)(random.Next(100) < 70 ? random.Next(139 - 107, 139 + 107) : random.Next(256));
                pdf.Bytes(one);
                written++;
            }
        }
    }

    private static string Tag(DataSetRandom random)
    {
        Span<char> tag = stackalloc char[6];
        for (var i = 0; i < tag.Length; i++)
        {
            tag[i] = (char)('A' + random.Next(26));
        }

        return new string(tag);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An append-only byte buffer that remembers where each object starts (for the xref table).</summary>
    private sealed class PdfWriter(int capacity)
    {
        private readonly MemoryStream stream = new(capacity);
        private readonly Dictionary<int, int> offsets = [];

        public int Position => (int)stream.Position;

        public int Offset(int objectNumber) => offsets.TryGetValue(objectNumber, out var offset)
            ? offset
            : throw new InvalidOperationException($"PDF object {objectNumber} was numbered but never written.");

        public PdfWriter BeginObject(int objectNumber)
        {
            offsets[objectNumber] = Position;
            return Ascii(objectNumber.ToString(CultureInfo.InvariantCulture) + " 0 obj\n");
        }

        public PdfWriter EndObject() => Ascii("endobj\n");

        /// <summary>Writes characters U+0000..U+00FF as one byte each (Latin-1), as PDF's byte strings are.</summary>
        public PdfWriter Ascii(string text)
        {
            foreach (var c in text)
            {
                stream.WriteByte((byte)c);
            }

            return this;
        }

        public PdfWriter Bytes(ReadOnlySpan<byte> bytes)
        {
            stream.Write(bytes);
            return this;
        }

        public PdfWriter Random(DataSetRandom random, int count)
        {
            var bytes = new byte[count];
            random.NextBytes(bytes);
            stream.Write(bytes);
            return this;
        }

        public byte[] ToArray() => stream.ToArray();
    }
}
