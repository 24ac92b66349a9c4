using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Servers;

/// <summary>
/// One connection of a <see cref="HostileServer"/>, with byte-level helpers for its script: read the fuzzer's
/// upgrade request and frames, write anything (including frames a server must never send), reset the connection.
/// </summary>
internal sealed class HostileConnection
{
    private readonly NetworkStream stream;
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    private volatile bool clientGone;
    private volatile bool reset;

    public HostileConnection(Socket socket, CancellationToken stopping)
    {
        Socket = socket;
        Stopping = stopping;
        stream = new NetworkStream(socket, ownsSocket: false);
    }

    public Socket Socket { get; }

    /// <summary>Cancelled when the server is disposed.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>The server saw the client's FIN or RST.</summary>
    public bool ClientGone => clientGone;

    /// <summary>The script reset the connection (<see cref="Reset"/>).</summary>
    public bool IsReset => reset;

    /// <summary>The upgrade request the fuzzer sent, once read.</summary>
    public string? Request { get; private set; }

    /// <summary>The <c>101 Switching Protocols</c> answer for <paramref name="key"/> (RFC 6455 §4.2.2).</summary>
    public static byte[] UpgradeResponse(string key) => Encoding.ASCII.GetBytes(
        "HTTP/1.1 101 Switching Protocols\r\nServer: HostileServer\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        $"Sec-WebSocket-Accept: {HandshakeRequest.ExpectedAccept(key)}\r\n\r\n");

    /// <summary>An unmasked server frame with the minimal length encoding.</summary>
    public static byte[] Frame(int opcode, ReadOnlySpan<byte> payload, bool fin = true, int rsv = 0) =>
        FrameWriter.Encode(opcode, payload.ToArray(), fin, rsv, []);

    /// <summary>An unmasked frame header announcing <paramref name="length"/> octets in the 64-bit form, whatever the length.</summary>
    public static byte[] Header64(int opcode, ulong length, bool fin = true)
    {
        var header = new byte[10];
        header[0] = (byte)((fin ? 0x80 : 0) | opcode);
        header[1] = 127;
        BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(2), length);
        return header;
    }

    /// <summary>Reads the upgrade request; returns its <c>Sec-WebSocket-Key</c>, or null if the client closed first.</summary>
    public async Task<string?> ReadRequestAsync()
    {
        int headerEnd;
        while ((headerEnd = buffer.AsSpan(start, end - start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (!await ReadMoreAsync().ConfigureAwait(false)) return null;
        }

        Request = Encoding.ASCII.GetString(buffer, start, headerEnd);
        start += headerEnd + 4;
        return Request.Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
    }

    /// <summary>Reads the request and answers 101; false if the client closed first.</summary>
    public async Task<bool> AcceptAsync()
    {
        var key = await ReadRequestAsync().ConfigureAwait(false);
        if (key is null) return false;
        await WriteAsync(UpgradeResponse(key)).ConfigureAwait(false);
        return true;
    }

    /// <summary>Reads one whole client frame and unmasks it; null if the client closed first.</summary>
    public async Task<(int Opcode, byte[] Payload)?> ReadFrameAsync()
    {
        FrameHeader header;
        while (!FrameHeaderParser.TryParse(buffer.AsSpan(start, end - start), out header, out _))
        {
            if (!await ReadMoreAsync().ConfigureAwait(false)) return null;
        }

        var length = checked((int)header.PayloadLength);
        while (end - start < header.HeaderLength + length)
        {
            if (!await ReadMoreAsync().ConfigureAwait(false)) return null;
        }

        var payload = buffer.AsSpan(start + header.HeaderLength, length).ToArray();
        start += header.HeaderLength + length;
        if (header.MaskKey is { } key) Masking.Apply(payload, key, 0);
        return (header.Opcode, payload);
    }

    /// <summary>Reads client frames until one with <paramref name="opcode"/>; null if the client closed first.</summary>
    public async Task<byte[]?> ReadFrameAsync(int opcode)
    {
        while (await ReadFrameAsync().ConfigureAwait(false) is { } frame)
        {
            if (frame.Opcode == opcode) return frame.Payload;
        }

        return null;
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes) => await stream.WriteAsync(bytes, Stopping).ConfigureAwait(false);

    /// <summary>Sends FIN (half-close): the server is done writing.</summary>
    public void ShutdownSend() => Socket.Shutdown(SocketShutdown.Send);

    /// <summary>Aborts the connection with an RST: SO_LINGER on with a zero timeout, then close (RFC 793 §3.5 abort).</summary>
    public void Reset()
    {
        reset = true;
        Socket.LingerState = new LingerOption(true, 0);
        Socket.Close();
    }

    /// <summary>Reads and discards until the client closes or resets the connection, or the server stops.</summary>
    public async Task ReadUntilClientClosesAsync()
    {
        var scratch = new byte[16 * 1024];
        try
        {
            while (await stream.ReadAsync(scratch, Stopping).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
        }

        clientGone = true;
    }

    internal void MarkClientGone() => clientGone = true;

    private async Task<bool> ReadMoreAsync()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        var count = await stream.ReadAsync(buffer.AsMemory(end), Stopping).ConfigureAwait(false);
        end += count;
        if (count == 0) clientGone = true;
        return count > 0;
    }
}
