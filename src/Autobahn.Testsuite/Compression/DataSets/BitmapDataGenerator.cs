using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Autobahn.Testsuite.Compression.DataSets;

/// <summary>
/// The stand-in for wstest's <c>lena512.bmp</c> (<c>lena512</c>): a 512×512 8-bit grayscale Windows bitmap with a
/// 256-entry gray palette, laid out exactly like the original (14-byte file header, 40-byte BITMAPINFOHEADER,
/// 1024-byte palette, 262144 bytes of pixels). The picture is a smooth "photograph" made of gradients, shaded
/// ellipses, soft stripes and value noise at three scales, with grain whose strength varies over the picture as
/// detail does in a photograph; that gives deflate about the same work as the Lena picture (mostly literals).
/// </summary>
internal static class BitmapDataGenerator
{
    /// <summary>The size of wstest v0.8.2's <c>lena512.bmp</c>.</summary>
    public const int Length = HeaderSize + PaletteSize + (Side * Side);

    /// <summary>Width and height in pixels.</summary>
    public const int Side = 512;

    /// <summary>The offset of the pixels: both headers and the palette.</summary>
    public const int PixelOffset = HeaderSize + PaletteSize;

    private const int HeaderSize = 14 + 40;
    private const int PaletteSize = 256 * 4;

    // Grain amplitude in gray levels; tuned so that deflate (level 6) compresses the file to about the Lena
    // picture's 85 %.
    private const double Grain = 10.0;

    private const double Contrast = 1.5;

    /// <summary>Generates the data set.</summary>
    public static byte[] Generate()
    {
        var bytes = new byte[Length];
        Span<byte> span = bytes;

        // BITMAPFILEHEADER
        span[0] = (byte)'B';
        span[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], PixelOffset);

        // BITMAPINFOHEADER: 512×512, bottom-up, one plane, 8 bits, BI_RGB, 256 palette entries (as in the original).
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], 40);
        BinaryPrimitives.WriteInt32LittleEndian(span[18..], Side);
        BinaryPrimitives.WriteInt32LittleEndian(span[22..], Side);
        BinaryPrimitives.WriteInt16LittleEndian(span[26..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[28..], 8);
        BinaryPrimitives.WriteInt32LittleEndian(span[30..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(span[34..], Side * Side);
        BinaryPrimitives.WriteInt32LittleEndian(span[46..], 256);

        // Gray palette: entry i is (blue, green, red, reserved) = (i, i, i, 0).
        for (var i = 0; i < 256; i++)
        {
            span[HeaderSize + (4 * i)] = (byte)i;
            span[HeaderSize + (4 * i) + 1] = (byte)i;
            span[HeaderSize + (4 * i) + 2] = (byte)i;
        }

        DrawPicture(span[PixelOffset..]);
        return bytes;
    }

    // Runs once per process: without this it would run as unoptimized tier-0 code, several times slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DrawPicture(Span<byte> pixels)
    {
        var random = new DataSetRandom(0x4C656E61_35313262ul);
        var coarse = new ValueNoise(random, cell: 128);
        var medium = new ValueNoise(random, cell: 32);
        var fine = new ValueNoise(random, cell: 8);
        var detail = new ValueNoise(random, cell: 64);
        Ellipse[] ellipses = [.. Enumerable.Range(0, 18).Select(_ => Ellipse.Create(random))];

        var row = new double[Side];
        var coarseRow = new double[Side];
        var mediumRow = new double[Side];
        var fineRow = new double[Side];
        var detailRow = new double[Side];
        for (var y = 0; y < Side; y++)
        {
            coarse.FillRow(coarseRow, y);
            medium.FillRow(mediumRow, y);
            fine.FillRow(fineRow, y);
            detail.FillRow(detailRow, y);

            // A diagonal light falloff plus large soft blotches: the background.
            for (var x = 0; x < Side; x++)
            {
                row[x] = 70 + (100.0 * (x + (0.6 * y)) / (1.6 * Side)) + (60 * coarseRow[x]);
            }

            // Ellipses one after the other, each only over the part of the row it touches.
            foreach (var ellipse in ellipses)
            {
                ellipse.PaintRow(row, y);
            }

            for (var x = 0; x < Side; x++)
            {
                var value = row[x];
                var mediumNoise = mediumRow[x];

                // Soft diagonal stripes (a triangle wave, no trigonometry: Math.Sin may differ between platforms).
                var phase = ((x * 0.045) + (y * 0.03)) % 2.0;
                var stripe = phase < 1 ? phase : 2 - phase;
                value += 10 * stripe * (mediumNoise + 0.5);

                value += (18 * mediumNoise) + (7 * fineRow[x]);

                // Stretch the contrast to a photograph's (the Lena picture spans about 25..245).
                value = 125 + (Contrast * (value - 125));

                // Grain: stronger where the "detail" field is high, nearly none in smooth areas.
                var strength = Grain * (0.25 + (1.5 * (detailRow[x] + 0.5)));
                var grain = (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * strength;
                row[x] = value + grain;
            }

            // BMP rows are stored bottom-up.
            var target = pixels.Slice((Side - 1 - y) * Side, Side);
            for (var x = 0; x < Side; x++)
            {
                target[x] = (byte)Math.Clamp((int)Math.Round(row[x]), 25, 245);
            }
        }
    }

    /// <summary>Smoothly interpolated random values on a square lattice, in [-0.5, 0.5].</summary>
    private sealed class ValueNoise
    {
        private readonly double[] lattice;
        private readonly int cell;
        private readonly int points;

        public ValueNoise(DataSetRandom random, int cell)
        {
            this.cell = cell;
            points = (Side / cell) + 2;
            lattice = new double[points * points];
            for (var i = 0; i < lattice.Length; i++)
            {
                lattice[i] = random.NextDouble() - 0.5;
            }
        }

        /// <summary>The noise along row <paramref name="y"/>: interpolate the lattice columns down to the row once, then across.</summary>
        public void FillRow(double[] target, int y)
        {
            var cy = y / cell;
            var ty = Smooth((double)(y % cell) / cell);
            Span<double> column = stackalloc double[points];
            for (var cx = 0; cx < points; cx++)
            {
                column[cx] = Lerp(lattice[(cy * points) + cx], lattice[((cy + 1) * points) + cx], ty);
            }

            for (var x = 0; x < Side; x++)
            {
                var cx = x / cell;
                target[x] = Lerp(column[cx], column[cx + 1], Smooth((double)(x % cell) / cell));
            }
        }

        private static double Smooth(double t) => t * t * (3 - (2 * t));

        private static double Lerp(double a, double b, double t) => a + ((b - a) * t);
    }

    /// <summary>A shaded ellipse with a soft edge, blended over what is below it.</summary>
    private sealed record Ellipse(double CenterX, double CenterY, double RadiusX, double RadiusY, double Tone, double Shading, double Opacity)
    {
        private readonly double inverseRadiusX = 1 / RadiusX;
        private readonly double inverseRadiusY = 1 / RadiusY;

        public static Ellipse Create(DataSetRandom random) => new(
            random.Next(Side),
            random.Next(Side),
            random.Next(20, 160),
            random.Next(20, 160),
            random.Next(40, 220),
            random.Next(-50, 50),
            0.5 + (0.5 * random.NextDouble()));

        public void PaintRow(double[] row, int y)
        {
            var dy = (y - CenterY) * inverseRadiusY;
            var reach = 1.15 - (dy * dy);
            if (reach <= 0)
            {
                return;
            }

            // Pixels beyond |dx| = sqrt(reach) are untouched; one pixel of margin keeps rounding from cutting the edge.
            var half = (RadiusX * Math.Sqrt(reach)) + 1;
            var from = Math.Max(0, (int)(CenterX - half));
            var to = Math.Min(Side - 1, (int)(CenterX + half));
            for (var x = from; x <= to; x++)
            {
                row[x] = Paint(row[x], x, y);
            }
        }

        private double Paint(double below, int x, int y)
        {
            var dx = (x - CenterX) * inverseRadiusX;
            var dy = (y - CenterY) * inverseRadiusY;
            var d2 = (dx * dx) + (dy * dy);
            if (d2 >= 1.15)
            {
                return below;
            }

            // Full cover inside, fading to nothing over the outer 15 % (a blurred edge, as in a photograph).
            var cover = d2 <= 1 ? Opacity : Opacity * (1.15 - d2) / 0.15;
            var shaded = Tone + (Shading * (1 - Math.Min(d2, 1)));
            return below + ((shaded - below) * cover);
        }
    }
}
