using System.IO.Compression;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// permessage-deflate compression of the peer's echoes with the platform's zlib (through <see cref="DeflateStream"/>,
/// so only the 32 KiB window of server_max_window_bits=15): each message ends with a sync flush whose 00 00 ff ff is
/// stripped (RFC 7692 §7.2.1). zlib is several times faster than the engine's managed encoder, which the peer keeps for
/// smaller windows; sections 12 and 13 echo about 11 GB.
/// </summary>
internal sealed class ZlibMessageCompressor : IDisposable
{
    private readonly MemoryStream buffer = new();
    private DeflateStream? deflater;

    public byte[] CompressMessage(ReadOnlySpan<byte> message, bool contextTakeover)
    {
        deflater ??= new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true);
        deflater.Write(message);
        deflater.Flush(); // Z_SYNC_FLUSH
        var compressed = buffer.ToArray();
        if (compressed.AsSpan().EndsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xff, 0xff])) compressed = compressed[..^4];
        if (!contextTakeover)
        {
            deflater.Dispose();
            deflater = null;
        }

        buffer.SetLength(0);
        return compressed;
    }

    public void Dispose()
    {
        deflater?.Dispose();
        buffer.Dispose();
    }
}
