using System.Security.Cryptography;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Compression.DataSets;

namespace Autobahn.Testsuite.Fuzzing.Echo;

/// <summary>
/// <c>case12_x_x.py</c>: windows of a data set sent compressed; each echo is checked for type, length (code points for
/// text) and SHA-1; the next window after a good echo, OK with the traffic statistics after the last. Equal octets
/// imply equal length and hash, so the hashes are only computed for the failure text.
/// </summary>
internal sealed class CompressedEchoJudge(CompressedRoundTripCheck check, CompressionDataSet dataSet) : EchoJudge
{
    private readonly MessageWindow window = new(dataSet, check.Length);
    private byte[] lastMessage = [];
    private DeflateEncoder? encoder;
    private CompressedMessageCache.Sequence? cache;

    public override string InitialResult => $"Case did not finish within {check.WaitSeconds} seconds.";

    /// <summary>
    /// permessage-deflate was accepted. Without context takeover every run of a case compresses the same messages to
    /// the same octets, so they are compressed once per process and shared (<paramref name="sharedCacheIdentity"/>).
    /// </summary>
    public void Negotiated(DeflateEncoder encoder, bool noContextTakeover, string sharedCacheIdentity)
    {
        this.encoder = encoder;
        if (noContextTakeover) cache = CompressedMessageCache.Shared.For(sharedCacheIdentity, check.Length, encoder.WindowBits, check.Count);
    }

    public override EchoDecision Judge(byte[] payload, bool isBinary)
    {
        string? mismatch = null;
        if (isBinary != check.IsBinary)
        {
            mismatch = $"Echo'ed message type differs from what I sent (got binary {Python(isBinary)}, expected binary {Python(check.IsBinary)}).";
        }
        else if (!payload.AsSpan().SequenceEqual(lastMessage))
        {
            var length = window.MeasureLength(payload);
            mismatch = length != check.Length
                ? $"Echo'ed message length differs from what I sent (got length {length}, expected length {check.Length})."
                : $"Echo'ed message contents differs from what I sent (got SHA1 {Convert.ToHexStringLower(SHA1.HashData(payload))}, expected SHA1 {Convert.ToHexStringLower(SHA1.HashData(lastMessage))}).";
        }

        if (mismatch is not null) return EchoDecision.Close(Behavior.Failed, mismatch);
        return Sent < check.Count ? EchoDecision.Next : EchoDecision.Close(Behavior.Ok, "Ok, received all echo'ed messages in time.", captureTraffic: true);
    }

    /// <summary><c>sendOne</c>: the next window, sent with <c>sendMessage</c> (compressed); it moves on even when not OPEN.</summary>
    public override void SendNext(FrameSender sender)
    {
        var message = window.Next();
        lastMessage = message;
        var index = Sent;
        var precompressed = cache?.GetOrAdd(index, () => encoder!.CompressMessage(message, contextTakeover: false));
        sender.SendMessage(message, check.IsBinary, fragmentSize: null, precompressed);
        Sent++;
    }
}
