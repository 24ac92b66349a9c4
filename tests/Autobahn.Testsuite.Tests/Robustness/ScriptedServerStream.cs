namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// The fuzzer's end of a connection to a server that sends a fixed octet sequence in fixed chunks, one per read, and then
/// closes (EOF). Like a real server it sends nothing before the fuzzer's first write (the upgrade request). What the
/// fuzzer writes is discarded.
/// </summary>
internal sealed class ScriptedServerStream(IReadOnlyList<byte[]> chunks) : Stream
{
    private readonly TaskCompletionSource requestSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int next;
    private byte[] pending = [];

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await requestSent.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Length == 0)
        {
            if (next == chunks.Count) return 0;
            pending = chunks[next++];
        }

        var count = Math.Min(buffer.Length, pending.Length);
        pending.AsSpan(0, count).CopyTo(buffer.Span);
        pending = pending[count..];
        return count;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        requestSent.TrySetResult();
        return ValueTask.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => requestSent.TrySetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
