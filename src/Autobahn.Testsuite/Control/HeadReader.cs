namespace Autobahn.Testsuite.Control;

/// <summary>Reads an HTTP request head off a fresh connection, before anything is known about it.</summary>
internal static class HeadReader
{
    /// <summary>Longest request head the server buffers (as the case core's handshake).</summary>
    public const int MaxHeadLength = 64 * 1024;

    /// <summary>
    /// The octets read until the head's empty line (and whatever followed in the same reads), with the head's length;
    /// null when the peer closed, sent more than <see cref="MaxHeadLength"/> octets without an empty line, or did not
    /// finish within <paramref name="timeout"/> (autobahn's <c>openHandshakeTimeout</c>, which runs from TCP accept).
    /// </summary>
    public static async Task<(byte[] Buffered, int HeadLength)?> ReadAsync(Stream stream, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var buffer = new byte[4096];
        var count = 0;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    if (buffer.Length >= MaxHeadLength) return null;
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(count), deadline.Token).ConfigureAwait(false);
                if (read == 0) return null;
                var searchFrom = Math.Max(0, count - 3);
                count += read;
                var end = buffer.AsSpan(searchFrom, count - searchFrom).IndexOf("\r\n\r\n"u8);
                if (end >= 0) return (buffer[..count], searchFrom + end + 4);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
    }
}
