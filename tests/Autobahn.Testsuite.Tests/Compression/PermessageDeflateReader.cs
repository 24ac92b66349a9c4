using System.IO.Compression;

namespace Autobahn.Testsuite.Tests.Compression;

/// <summary>
/// Decompresses permessage-deflate payloads with <see cref="DeflateStream"/> the way a receiver does
/// (RFC 7692 §7.2.2): append <c>00 00 ff ff</c> and read the message's bytes; the stream has no final block, so
/// reading stops at the known length rather than at the end of the stream.
/// </summary>
internal sealed class PermessageDeflateReader : IDisposable
{
    private static readonly byte[] SyncFlushTail = [0x00, 0x00, 0xFF, 0xFF];

    private readonly MemoryStream compressed = new();
    private readonly DeflateStream inflater;

    /// <summary>Creates a reader with one <see cref="DeflateStream"/> shared by all messages (context takeover).</summary>
    public PermessageDeflateReader()
    {
        inflater = new DeflateStream(compressed, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>Decompresses one payload with a fresh <see cref="DeflateStream"/> (no context takeover).</summary>
    public static byte[] DecodeStandalone(byte[] payload, int length)
    {
        using var reader = new PermessageDeflateReader();
        var message = reader.Decode(payload, length);
        if (reader.inflater.Read(new byte[1], 0, 1) != 0)
        {
            throw new InvalidDataException($"DeflateStream produced more than {length} bytes.");
        }

        return message;
    }

    /// <summary>Appends a payload plus the sync-flush tail to the shared stream and reads <paramref name="length"/> bytes.</summary>
    public byte[] Decode(byte[] payload, int length)
    {
        var readPosition = compressed.Position;
        compressed.Seek(0, SeekOrigin.End);
        compressed.Write(payload);
        compressed.Write(SyncFlushTail);
        compressed.Position = readPosition;

        var output = new byte[length];
        var total = 0;
        while (total < length)
        {
            var read = inflater.Read(output, total, length - total);
            if (read == 0)
            {
                throw new InvalidDataException($"DeflateStream produced {total} of {length} bytes.");
            }

            total += read;
        }

        return output;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        inflater.Dispose();
        compressed.Dispose();
    }
}
