using System.Text;

namespace Autobahn.Testsuite.Tests.Compression.DataSets;

/// <summary>
/// An independent, deliberately naive transcription of wstest's <c>sendOne</c> (<c>case/case12_x_x.py</c>) to check
/// <see cref="Autobahn.Testsuite.Compression.DataSets.MessageWindow"/> against: text is decoded into an array of code
/// points (Python 2 wide unicode), sliced with Python's semantics, and encoded again for every message.
/// </summary>
internal sealed class WstestSendOne
{
    private readonly int[]? _codePoints;
    private readonly byte[]? _bytes;
    private readonly int _len;
    private int _ptr;

    public WstestSendOne(byte[] testData, bool binary, int len)
    {
        if (binary)
        {
            _bytes = testData;
        }
        else
        {
            // payload = payload.decode('utf-8')
            _codePoints = [.. Encoding.UTF8.GetString(testData).EnumerateRunes().Select(rune => rune.Value)];
        }

        _len = len;
    }

    public byte[] Next()
    {
        int n = _bytes?.Length ?? _codePoints!.Length;
        if (_len <= 0)
        {
            return [];
        }

        // idxFrom = self.payloadRXPtr; idxTo = (self.payloadRXPtr + self.LEN) % len(payload)
        int idxFrom = _ptr;
        int idxTo = (_ptr + _len) % n;
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

        _ptr = idxTo;
        if (_bytes is not null)
        {
            return [.. units.Select(i => _bytes[i])];
        }

        var text = new StringBuilder();
        foreach (int i in units)
        {
            text.Append(new Rune(_codePoints![i]).ToString());
        }

        return Encoding.UTF8.GetBytes(text.ToString());   // msg.encode('utf-8')
    }

    private static List<int> Range(int from, int to) => [.. Enumerable.Range(from, Math.Max(0, to - from))];
}
