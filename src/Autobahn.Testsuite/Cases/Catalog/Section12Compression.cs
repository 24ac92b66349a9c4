using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Cases;

internal static partial class CaseCatalog
{
    // case12_x_x.py MSG_SIZES: (LEN, WAITSECS, AUTOFRAGSIZE), COUNT is 1000 for all.
    private static readonly (int Length, int WaitSeconds, int AutoFragmentSize)[] CompressionSizes =
    [
        (16, 60, 0), (64, 60, 0), (256, 120, 0), (1024, 240, 0), (4096, 480, 0),
        (8192, 480, 0), (16384, 480, 0), (32768, 480, 0), (65536, 480, 0), (131072, 480, 0),
        (8192, 480, 256), (16384, 480, 256), (32768, 480, 256), (65536, 480, 256), (131072, 480, 256),
        (131072, 480, 1024), (131072, 480, 4096), (131072, 480, 32768),
    ];

    private const int CompressionMessageCount = 1000;

    // case12_x_x.py WS_COMPRESSION_TESTDATA_KEYS and their "binary" flags: 12.1 … 12.5 in this order.
    private static readonly (string Key, bool IsBinary)[] CompressionDataSetKeys =
    [
        ("json_data1", false), ("lena512", true), ("gutenberg_faust", true), ("html_data1", false), ("ooms", true),
    ];

    // case12_x_x.py DEFLATE_PARAMS (:334-342): the server accept and the client offers of 13.1 … 13.7
    // (requestNoContextTakeover, requestMaxWindowBits).
    private static readonly (DeflateAccept Accept, PerMessageDeflateOffer[] Offers)[] Section13Parameters =
    [
        (DeflateAccept.Accept1, [new()]),
        (DeflateAccept.Accept2, [new(RequestServerNoContextTakeover: true)]),
        (DeflateAccept.Accept3, [new(RequestServerMaxWindowBits: 9)]),
        (DeflateAccept.Accept4, [new(RequestServerMaxWindowBits: 15)]),
        (DeflateAccept.Accept5, [new(true, 9)]),
        (DeflateAccept.Accept6, [new(true, 15)]),
        (DeflateAccept.Accept7, [new(true, 9), new(RequestServerNoContextTakeover: true), new()]),
    ];

    /// <summary>12 WebSocket Compression (different payloads): the default offer, five data sets.</summary>
    private static IEnumerable<CaseDefinition> Section12Compression()
    {
        for (var j = 0; j < CompressionDataSetKeys.Length; j++)
        {
            var (key, binary) = CompressionDataSetKeys[j];
            foreach (var definition in CompressionCases($"12.{j + 1}", key, binary, [new()], DeflateAccept.AcceptDeflate))
            {
                yield return definition;
            }
        }
    }

    /// <summary>13 WebSocket Compression (different parameters): seven offers, all with data1.json.</summary>
    private static IEnumerable<CaseDefinition> Section13Compression()
    {
        for (var j = 0; j < Section13Parameters.Length; j++)
        {
            var (accept, offers) = Section13Parameters[j];
            foreach (var definition in CompressionCases($"13.{j + 1}", "json_data1", false, offers, accept))
            {
                yield return definition;
            }
        }
    }

    private static IEnumerable<CaseDefinition> CompressionCases(string group, string dataSetKey, bool binary, IReadOnlyList<PerMessageDeflateOffer> offers, DeflateAccept accept)
    {
        for (var i = 0; i < CompressionSizes.Length; i++)
        {
            var (length, wait, autoFragment) = CompressionSizes[i];
            var check = new CompressedRoundTripCheck(dataSetKey, binary, length, CompressionMessageCount, wait);
            yield return new CaseDefinition(
                Id($"{group}.{i + 1}"),
                [
                    new SetWirelog(false, Logged: true),
                    new SetAutoFragmentSize(autoFragment),
                    new WhenCompressionNegotiated([new CloseAfter(wait), new SendRoundTripMessage()]),
                ],
                [],
                NormalClose,
                Echo: check,
                DeflateOffers: offers)
            {
                ServerAccept = accept,
            };
        }
    }
}
