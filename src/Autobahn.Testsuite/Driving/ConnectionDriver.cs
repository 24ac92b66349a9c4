using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Driving;

/// <summary>
/// Runs a sans-I/O connection over a stream (TCP or in memory) on one logical thread, like Twisted's reactor: a
/// reader and a writer task move octets, and one loop feeds the connection its inputs. Each turn runs the timers that
/// are due, in due order, before the next queued read (Twisted runs due timed calls before I/O on every iteration);
/// time comes from a <see cref="TimeProvider"/>, so tests drive the loop with a fake clock.
/// </summary>
internal sealed class ConnectionDriver
{
    private const int ReadBufferSize = 65536; // Twisted reads at most 64 KiB per dataReceived.
    private const int MaxBufferedReads = 256;
    private const int MaxPendingWrites = 65_536;
    private const int CoalescedWriteLimit = 256 * 1024;

    private readonly IDrivenConnection connection;
    private readonly TimeProvider time;
    private readonly TimerQueue timers = new();
    private readonly Channel<LoopEvent> events = Channel.CreateUnbounded<LoopEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<SendBytes> writes = Channel.CreateUnbounded<SendBytes>(new UnboundedChannelOptions { SingleWriter = true }); // counts its items
    private readonly SemaphoreSlim readCredits = new(MaxBufferedReads);
    private readonly CancellationTokenSource stopping = new();
    private long startTimestamp;
    private int cancelRequested;
    private bool gracefulClose;

    private ConnectionDriver(IDrivenConnection connection, TimeProvider time)
    {
        this.connection = connection;
        this.time = time;
    }

    /// <summary>Connects, runs <paramref name="connection"/> until it is closed, and closes the transport.</summary>
    /// <param name="connection">The connection to feed.</param>
    /// <param name="connect">Opens the transport (TCP, or an in-memory stream).</param>
    /// <param name="time">The clock of the timers.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <param name="secure">
    /// Secures the open transport (TLS for <c>wss://</c>) and disposes it when that fails. The connection starts when
    /// the transport opened, before this step, as Twisted calls <c>connectionMade</c> on TCP connect under its TLS
    /// wrapper: the TLS handshake counts within the opening handshake timeout, as in wstest.
    /// </param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task RunAsync(
        IDrivenConnection connection,
        Func<CancellationToken, Task<Stream>> connect,
        TimeProvider time,
        CancellationToken cancellationToken,
        Func<Stream, CancellationToken, Task<Stream>>? secure = null)
    {
        var driver = new ConnectionDriver(connection, time);
        await driver.RunAsync(connect, secure, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private TimeSpan Now => time.GetElapsedTime(startTimestamp);

    private async Task RunAsync(Func<CancellationToken, Task<Stream>> connect, Func<Stream, CancellationToken, Task<Stream>>? secure, CancellationToken cancellationToken)
    {
        startTimestamp = time.GetTimestamp();
        Stream stream;
        DateTimeOffset openedAt;
        TimeSpan opened;
        try
        {
            stream = await connect(cancellationToken).ConfigureAwait(false);
            openedAt = time.GetUtcNow();
            opened = Now;
            if (secure is not null) stream = await secure(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or TimeoutException)
        {
            // A cancelled case is not an unreachable server (the xUnit adapter remembers those and fails later rows).
            cancellationToken.ThrowIfCancellationRequested();
            connection.FailToConnect(Describe(e));
            return;
        }

        // Like an expired timer, the cancellation goes before reads already queued (a flooding peer queues many).
        using var cancellation = cancellationToken.Register(() =>
        {
            Volatile.Write(ref cancelRequested, 1);
            events.Writer.TryWrite(LoopEvent.Wake);
        });
        await using var wake = time.CreateTimer(_ => events.Writer.TryWrite(LoopEvent.Wake), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var writer = Task.Run(() => WriteLoopAsync(stream), CancellationToken.None);
        _ = Task.Run(() => ReadLoopAsync(stream), CancellationToken.None);

        connection.Start(openedAt, opened);
        Apply();
        while (!connection.IsClosed)
        {
            if (!RunDueTimers()) break;
            if (timers.TryPeek(out _, out var due))
            {
                var delay = due - Now;
                if (delay <= TimeSpan.Zero) continue; // fell due meanwhile
                wake.Change(delay, Timeout.InfiniteTimeSpan);
            }

            var next = await events.Reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);

            // Timers that fell due while the loop waited go before the event, as in Twisted's reactor.
            if (!RunDueTimers()) break;
            Handle(next);
            Apply();
        }

        await ShutdownAsync(stream, writer).ConfigureAwait(false);
    }

    /// <summary>Fires every due timer in due order; false once the connection is closed.</summary>
    private bool RunDueTimers()
    {
        if (Interlocked.Exchange(ref cancelRequested, 0) == 1)
        {
            connection.Cancel(Now);
            Apply();
        }

        while (!connection.IsClosed && timers.TryTakeDue(Now, out var token))
        {
            connection.FireTimer(token, Now);
            Apply();
        }

        return !connection.IsClosed;
    }

    private void Handle(LoopEvent next)
    {
        switch (next.Kind)
        {
            case LoopEventKind.Data:
                readCredits.Release();
                connection.ReceiveData(next.Data, Now);
                break;
            case LoopEventKind.EndOfStream:
                connection.ReceiveEndOfStream(Now);
                break;
            case LoopEventKind.ContinueSending:
                connection.ContinueSending(Now);
                break;
        }
    }

    private void Apply()
    {
        foreach (var output in connection.TakeOutputs())
        {
            switch (output)
            {
                case SendBytes send:
                    writes.Writer.TryWrite(send);
                    break;
                case ArmTimer arm:
                    timers.Arm(arm.Token, arm.Due);
                    break;
                case CancelTimer cancel:
                    timers.Cancel(cancel.Token);
                    break;
                case ContinueSendingLater:
                    events.Writer.TryWrite(LoopEvent.ContinueSending);
                    break;
                case CloseTransport close:
                    gracefulClose = !close.Abort;
                    break;
            }
        }
    }

    private async Task ReadLoopAsync(Stream stream)
    {
        var token = stopping.Token;

        // One buffer for every read; each event gets a copy of exactly what arrived.
        var buffer = new byte[ReadBufferSize];
        try
        {
            while (!token.IsCancellationRequested)
            {
                await readCredits.WaitAsync(token).ConfigureAwait(false);

                // A peer that does not read what we send (our pongs to its pings pile up unsent) is not read either
                // until the backlog drains, as TCP flow control would have it: otherwise every ping it sends queues one
                // more pong for the whole case. No case queues nearly this many writes (9.x chops 1 MiB into 64 octets).
                while (writes.Reader.Count > MaxPendingWrites) await Task.Delay(10, token).ConfigureAwait(false);

                var count = await stream.ReadAsync(buffer, token).ConfigureAwait(false);
                if (count == 0) break;
                events.Writer.TryWrite(LoopEvent.Received(buffer[..count]));
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        events.Writer.TryWrite(LoopEvent.EndOfStream);
    }

    /// <summary>
    /// Writes in order. Separate writes (wstest's sync and chopped data) go out alone; the others are coalesced, as
    /// Twisted's transport buffers every write of a reactor turn and sends them together.
    /// </summary>
    private async Task WriteLoopAsync(Stream stream)
    {
        var token = stopping.Token;
        var batch = new ArrayBufferWriter<byte>(CoalescedWriteLimit);
        try
        {
            while (await writes.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (writes.Reader.TryRead(out var write))
                {
                    if (write.Separate)
                    {
                        await FlushAsync(stream, batch, token).ConfigureAwait(false);
                        await stream.WriteAsync(write.Bytes, token).ConfigureAwait(false);
                        continue;
                    }

                    batch.Write(write.Bytes);
                    if (batch.WrittenCount >= CoalescedWriteLimit) await FlushAsync(stream, batch, token).ConfigureAwait(false);
                }

                await FlushAsync(stream, batch, token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A peer that closed on us: Twisted drops such writes silently; the reader reports the loss.
        }
    }

    private static async Task FlushAsync(Stream stream, ArrayBufferWriter<byte> batch, CancellationToken token)
    {
        if (batch.WrittenCount == 0) return;
        await stream.WriteAsync(batch.WrittenMemory, token).ConfigureAwait(false);
        batch.ResetWrittenCount();
    }

    private async Task ShutdownAsync(Stream stream, Task writer)
    {
        writes.Writer.TryComplete();
        if (gracefulClose)
        {
            // loseConnection: flush what is queued, then close.
            await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
        await writer.ConfigureAwait(false);
        events.Writer.TryComplete();
    }

    private static string Describe(Exception e) => e switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused (is the server running?)",
        SocketException s => s.SocketErrorCode.ToString(),
        OperationCanceledException => "cancelled",
        _ => e.Message,
    };
}
