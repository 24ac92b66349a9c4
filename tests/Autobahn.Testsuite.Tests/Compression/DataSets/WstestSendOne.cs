using System.Text;

namespace Autobahn.Testsuite.Tests.Compression.DataSets;

/// <summary>
/// An independent, deliberately naive transcription of wstest's <c>sendOne</c> (<c>case/case12_x_x.py</c>) to check
/// <see cref="Autobahn.Testsuite.Compression.DataSets.MessageWindow"/> against: text is decoded into an array of code
/// points (Python 2 wide unicode), sliced with Python's semantics, and encoded again for every message.
/// </summary>
internal sealed class WstestSendOne
{
    private readonly int[]? codePoints;
    private readonly byte[]? bytes;
    private readonly int len;
    private int ptr;

    public WstestSendOne(byte[] testData, bool binary, int len)
    {
        if (binary)
        {
            bytes = testData;
        }
        else
        {
            // payload = payload.decode('utf-8')
            codePoints = [.. Encoding.UTF8.GetString(testData).EnumerateRunes().Select(rune => rune.Value)];
        }

        this.len = len;
    }

    public byte[] Next()
    {
        var n = bytes?.Length ?? codePoints!.Length;
        if (len <= 0)
        {
            return [];
        }

        // idxFrom = self.payloadRXPtr; idxTo = (self.payloadRXPtr + self.LEN) % len(payload)
        var idxFrom = ptr;
        var idxTo = (ptr + len) % n;
        List<int> units;
        if (idxTo > idxFrom)
        {
            units = Range(idxFrom, idxTo);           // payload[idxFrom:idxTo]
        }
        else
        {
            units = Range(idxFrom, n);               // payload[idxFrom:] + payload[:idxTo]
            units.AddRange(Range(0, idxTo));
        }

        ptr = idxTo;
        if (bytes is not null)
        {
            return [.. units.Select(i => bytes[i])];
        }

        var text = new StringBuilder();
        foreach (var i in units)
        {
            text.Append(new Rune(codePoints![i]).ToString());
        }

        return Encoding.UTF8.GetBytes(text.ToString());   // msg.encode('utf-8')
    }

    private static List<int> Range(int from, int to) => [.. Enumerable.Range(from, Math.Max(0, to - from))];
}
