using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Fuzzing.Echo;

namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// Puts an agreed permessage-deflate into force on a connection, as autobahn's <c>PerMessageDeflate</c> does
/// (compress_deflate.py v0.10.9 <c>createFromResponseAccept</c> for the client role, <c>createFromOfferAccept</c> for
/// the server role, :532-553): each side compresses with its own side's window and no_context_takeover and inflates
/// what the other side sends, resetting per message when the other side has no context takeover.
/// </summary>
internal static class PerMessageDeflateSetup
{
    public static void Enable(PerMessageDeflateResponse agreed, FuzzerRole role, FrameSender sender, FrameReceiver receiver, EchoJudge? judge, CaseDefinition definition, FuzzingOptions options)
    {
        var isServer = role == FuzzerRole.Server;
        var noContextTakeover = agreed.SendsWithoutContextTakeover(isServer);
        var encoder = new DeflateEncoder(agreed.SendWindowBits(isServer));
        sender.Deflate = (encoder, noContextTakeover);
        receiver.EnablePermessageDeflate(resetContextPerMessage: agreed.ReceivesWithoutContextTakeover(isServer));

        // The judge's expected traffic is compressed by the same encoder with the same context rule.
        if (judge is CompressedEchoJudge compressed)
        {
            compressed.Negotiated(encoder, noContextTakeover, ((CompressedRoundTripCheck)definition.Echo!).DataSetKey + "@" + (options.CompressionDataFolder ?? "generated"));
        }
    }
}
