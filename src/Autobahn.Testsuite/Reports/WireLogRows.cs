using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Reports;

/// <summary>The values of a wire-log row in wstest's layout (<c>ATS fuzzing.py</c> <c>logRxOctets</c> … <c>closeAfter</c>).</summary>
internal static class WireLogRows
{
    /// <summary>
    /// The row's values with the octets of an "RO" row as one <c>[len, hex]</c> pair, as wstest stores them
    /// (<c>("RO", (len(data), binLogData(data)))</c>). Rows written before the session kept the pair together have it
    /// spread into two values; both forms are accepted here.
    /// </summary>
    public static IReadOnlyList<object?> Values(WireLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var values = entry.Values;
        if (entry.Kind == "RO" && values.Count == 2 && values[0] is int or long) return [new object?[] { values[0], values[1] }];
        return values;
    }
}
