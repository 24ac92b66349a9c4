using System.Threading.Channels;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// One end of an in-memory full-duplex byte stream: what one end writes, the other reads, in order and with the
/// write boundaries preserved. Disposing an end is its TCP FIN: the other end then reads 0 (end of stream). It also
/// closes the end for good, as closing a socket does: the other end's writes then fail (EPIPE) instead of piling up
/// unread, and its <see cref="PeerClosed"/> fires.
/// </summary>
internal sealed class InMemoryDuplexStream : Stream
{
    private readonly Channel<ReadOnlyMemory<byte>> incomingChannel;
    private readonly ChannelReader<ReadOnlyMemory<byte>> incoming;
    private readonly ChannelWriter<ReadOnlyMemory<byte>> outgoing;
    private readonly CancellationTokenSource closed = new();
    private ReadOnlyMemory<byte> pending;
    private bool disposed;

    private InMemoryDuplexStream(Channel<ReadOnlyMemory<byte>> incoming, ChannelWriter<ReadOnlyMemory<byte>> outgoing)
    {
        incomingChannel = incoming;
        this.incoming = incoming.Reader;
        this.outgoing = outgoing;
    }

    /// <summary>Cancelled when the other end is disposed.</summary>
    public CancellationToken PeerClosed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Creates the two connected ends.</summary>
    public static (InMemoryDuplexStream Client, InMemoryDuplexStream Server) CreatePair()
    {
        var toServer = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
        var toClient = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
        var client = new InMemoryDuplexStream(toClient, toServer.Writer);
        var server = new InMemoryDuplexStream(toServer, toClient.Writer);
        (client.PeerClosed, server.PeerClosed) = (server.closed.Token, client.closed.Token);
        return (client, server);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (pending.IsEmpty)
        {
            if (!await incoming.WaitToReadAsync(cancellationToken).ConfigureAwait(false)) return 0;
            incoming.TryRead(out pending);
        }

        var count = Math.Min(buffer.Length, pending.Length);
        pending[..count].CopyTo(buffer);
        pending = pending[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (buffer.IsEmpty) return ValueTask.CompletedTask;

        // The peer may keep a reference to what it has not read yet: hand over a copy.
        if (!outgoing.TryWrite(buffer.ToArray())) throw new IOException("The other end of the in-memory connection is closed.");
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            outgoing.TryComplete();

            // Nobody reads this end any more: the peer's writes fail from now on, and what it wrote unread is released.
            incomingChannel.Writer.TryComplete();
            while (incoming.TryRead(out _))
            {
            }

            closed.Cancel();
        }

        base.Dispose(disposing);
    }
}
