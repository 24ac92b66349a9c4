using System.Text;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Control;

/// <summary>
/// A control connection after its 101 (<c>ATS fuzzing.py</c> <c>onOpen</c> for every path but a case): the server
/// sends its message, if any, then a close frame with an empty payload (<c>sendClose()</c> without a code), waits up to
/// <c>closeHandshakeTimeout</c> for the client's close and then drops TCP, as autobahn's server role does
/// (<c>AB proto:827-852</c>). A client that closes first gets a close 1000 and TCP is dropped. Client frames are read
/// loosely: this is not a case, nothing here is judged.
/// </summary>
internal sealed class ControlSession(Stream stream, byte[] alreadyRead)
{
    private const long MaxControlPayload = 16 * 1024 * 1024;

    private readonly List<byte> buffered = [.. alreadyRead];
    private readonly byte[] readBuffer = new byte[16 * 1024];

    public Task SendTextAsync(string text, CancellationToken cancellationToken) =>
        WriteFrameAsync(Opcodes.Text, Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>The server closes: an empty close, then up to <paramref name="closeTimeout"/> for the client's reply.</summary>
    public async Task CloseAsync(TimeSpan closeTimeout, CancellationToken cancellationToken)
    {
        await WriteFrameAsync(Opcodes.Close, [], cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(closeTimeout);
        await ReadUntilCloseAsync(deadline.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads until the client sends a close (answered with close 1000) or goes away. True when it sent a close; data
    /// frames are ignored (wstest's direct command mode is not implemented, see the README).
    /// </summary>
    public async Task<bool> ReadUntilCloseAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var frame = await ReadFrameAsync(cancellationToken).ConfigureAwait(false);
                if (frame is null) return false;
                if (frame.Value.Opcode != Opcodes.Close) continue;
                await WriteFrameAsync(Opcodes.Close, [0x03, 0xE8], cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            return false;
        }
    }

    private async Task WriteFrameAsync(int opcode, byte[] payload, CancellationToken cancellationToken)
    {
        // The fuzzer as a server never masks (maskServerFrames=False, AB proto:2041).
        var frame = FrameWriter.Encode(opcode, payload, fin: true, rsv: 0, maskKey: []);
        try
        {
            await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The client is gone; the read side notices.
        }
    }

    private async Task<(int Opcode, byte[] Payload)?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var span = buffered.ToArray();
            if (FrameHeaderParser.TryParse(span, out var header, out var length))
            {
                if (length > MaxControlPayload) return null;
                var total = header.HeaderLength + (int)length;
                if (span.Length >= total)
                {
                    var payload = span[header.HeaderLength..total];
                    if (header.MaskKey is { } key) Masking.Apply(payload, key, 0);
                    buffered.RemoveRange(0, total);
                    return (header.Opcode, payload);
                }
            }

            var read = await stream.ReadAsync(readBuffer, cancellationToken).ConfigureAwait(false);
            if (read == 0) return null;
            buffered.AddRange(readBuffer.AsSpan(0, read));
        }
    }
}
