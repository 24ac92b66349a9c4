using System.Text;

namespace Autobahn.Testsuite.Compression.DataSets;

// TEMPORARY until the data-set branch is merged: reads the originals from ../shared.
internal sealed record CompressionDataSet(string Key, bool IsBinary, byte[] Bytes);

internal static class CompressionDataSets
{
    private static readonly Dictionary<string, (string File, bool Binary)> Files = new()
    {
        ["json_data1"] = ("data1.json", false), ["lena512"] = ("lena512.bmp", true), ["gutenberg_faust"] = ("pg2229.txt", true),
        ["html_data1"] = ("data1.html", false), ["ooms"] = ("10.1.1.105.5439.pdf", true),
    };

    public static CompressionDataSet Get(string key, string? folder) =>
        new(key, Files[key].Binary, File.ReadAllBytes(Path.Combine(folder ?? "/work/shared/autobahn/data", Files[key].File)));
}

internal sealed class MessageWindow(CompressionDataSet set, int length)
{
    private readonly int[] text = set.IsBinary ? [] : Encoding.UTF8.GetString(set.Bytes).EnumerateRunes().Select(r => r.Value).ToArray();
    private int pointer;

    public byte[] Next()
    {
        var n = set.IsBinary ? set.Bytes.Length : text.Length;
        var from = pointer;
        var to = (pointer + length) % n;
        pointer = to;
        if (set.IsBinary) return to > from ? set.Bytes[from..to] : [.. set.Bytes[from..], .. set.Bytes[..to]];
        int[] window = to > from ? text[from..to] : [.. text[from..], .. text[..to]];
        var sb = new StringBuilder();
        foreach (var cp in window) sb.Append(char.ConvertFromUtf32(cp));
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
