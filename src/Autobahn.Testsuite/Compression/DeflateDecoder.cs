using System.IO.Compression;

namespace Autobahn.Testsuite.Compression;

/// <summary>
/// Decompresses the server's permessage-deflate messages (RFC 7692 §7.2.2) frame by frame, as autobahn's
/// <c>PerMessageDeflate.decompressMessageData</c> does: input is pushed as it arrives, the output so far is returned,
/// and at the end of a message the stripped <c>00 00 ff ff</c> is fed back in. With context takeover one inflater
/// lives for the whole connection; <see cref="StartMessage"/> replaces it when the server resets its context.
/// </summary>
/// <remarks>
/// Inflation uses <see cref="DeflateStream"/> (the platform's zlib): decompression needs no window choice, since an
/// inflater with a 32 KiB window reads any smaller window. (autobahn inflates with the negotiated
/// <c>server_max_window_bits</c>, so a server that exceeds its own window would fail there and not here.)
/// </remarks>
internal sealed class DeflateDecoder : IDisposable
{
    private static readonly byte[] SyncFlushTail = [0x00, 0x00, 0xff, 0xff];

    private readonly PushStream input = new();
    private readonly byte[] chunk = new byte[64 * 1024];
    private DeflateStream? inflater;

    /// <summary>Starts a message; a fresh inflater when <paramref name="resetContext"/> or on the first message.</summary>
    public void StartMessage(bool resetContext)
    {
        if (inflater is not null && !resetContext) return;
        inflater?.Dispose();
        input.Clear();
        inflater = new DeflateStream(input, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>Inflates <paramref name="compressed"/> and appends what it yields to <paramref name="output"/>.</summary>
    /// <exception cref="InvalidDataException">The data is not valid DEFLATE.</exception>
    public void Decompress(ReadOnlyMemory<byte> compressed, Action<ReadOnlySpan<byte>> output)
    {
        if (inflater is null) throw new InvalidOperationException("StartMessage was not called.");
        input.Push(compressed);
        int count;
        while ((count = inflater.Read(chunk, 0, chunk.Length)) > 0)
        {
            output(chunk.AsSpan(0, count));
        }
    }

    /// <summary>Feeds the stripped sync-flush tail (RFC 7692 §7.2.2); it yields nothing for a well-formed message.</summary>
    public void EndMessage(Action<ReadOnlySpan<byte>> output) => Decompress(SyncFlushTail, output);

    /// <inheritdoc />
    public void Dispose() => inflater?.Dispose();

    /// <summary>A read-only stream that returns pushed buffers and reports "no data yet" (0) when empty.</summary>
    private sealed class PushStream : Stream
    {
        private ReadOnlyMemory<byte> pending;

        public void Push(ReadOnlyMemory<byte> data) => pending = data;

        public void Clear() => pending = default;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, pending.Length);
            pending.Span[..n].CopyTo(buffer);
            pending = pending[n..];
            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
