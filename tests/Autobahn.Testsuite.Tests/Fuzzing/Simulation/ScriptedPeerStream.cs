using System.Threading.Channels;

namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// The fuzzer's end of a connection whose other end is a <see cref="ScriptedEchoPeer"/>: each write is fed to the peer
/// at once and its reaction is queued for reading; the peer closing TCP is end of stream (reads return 0) after what it
/// sent. Writes after that are dropped, as a half-closed TCP connection accepts them. Disposing this end is the fuzzer
/// closing its side (<see cref="ScriptedEchoPeer.EndOfStream"/>).
/// </summary>
internal sealed class ScriptedPeerStream(ScriptedEchoPeer peer) : Stream
{
    private readonly Channel<byte[]> fromPeer = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock gate = new();
    private ReadOnlyMemory<byte> pending;
    private bool disposed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (pending.IsEmpty)
        {
            if (!await fromPeer.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false)) return 0;
            if (fromPeer.Reader.TryRead(out var next)) pending = next;
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
        lock (gate)
        {
            Deliver(peer.Receive(buffer.Span));
        }

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
            lock (gate)
            {
                Deliver(peer.EndOfStream());
            }

            fromPeer.Writer.TryComplete();
        }

        base.Dispose(disposing);
    }

    private void Deliver(PeerReaction reaction)
    {
        if (reaction.Send.Length > 0) fromPeer.Writer.TryWrite(reaction.Send);
        if (reaction.CloseTransport) fromPeer.Writer.TryComplete();
    }
}
