using Autobahn.Testsuite.Compression.DataSets;

namespace Autobahn.Testsuite.Tests.Compression.DataSets;

/// <summary>The generator behind each data set key, to run a generator afresh (bypassing the per-process cache).</summary>
internal static class DataSetGenerators
{
    public static Func<byte[]> For(string key) => key switch
    {
        "json_data1" => JsonDataGenerator.Generate,
        "lena512" => BitmapDataGenerator.Generate,
        "gutenberg_faust" => GermanProseGenerator.Generate,
        "html_data1" => HtmlDataGenerator.Generate,
        "ooms" => PdfDataGenerator.Generate,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };
}
