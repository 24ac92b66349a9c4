using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Protocol;
using Autobahn.Testsuite.Tests.Servers;
using Xunit.Abstractions;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// A server that plays case 1.1.1 correctly — the 101 answer, the echo <c>81 00</c>, the close reply <c>88 02 03 e8</c>,
/// each only after the fuzzer's request, text frame and close — but resets the connection (SO_LINGER 0) after its
/// k-th octet, k drawn from a seeded PRNG. Where the reset falls decides the verdict (case.py onConnectionLost):
/// inside the answer the WebSocket never opened; before the whole echo nothing was received and the server ended the
/// connection; inside the close reply the fuzzer's close was never answered (UNCLEAN); after it the close was clean.
/// wstest's timers (TimeScale 1): every case ends at the reset, long before killAfter(1).
/// </summary>
public class ResetTests(ITestOutputHelper output)
{
    private static readonly byte[] Echo = [0x81, 0x00];
    private static readonly byte[] CloseReply = [0x88, 0x02, 0x03, 0xe8];
    private static readonly int UpgradeLength = HostileConnection.UpgradeResponse("dGhlIHNhbXBsZSBub25jZQ==").Length;
    private static readonly int Total = UpgradeLength + Echo.Length + CloseReply.Length;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 6)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ResetAfterRandomOctet_VerdictFollowsWhereItFell(int seed)
    {
        // Four random points per seed — two anywhere, two after the answer (its 152 octets would take most draws) — plus
        // the phase boundaries once (seed 1).
        var random = new Random(seed * 7919);
        var points = Enumerable.Range(0, 4).Select(i => random.Next(i < 2 ? 0 : UpgradeLength, Total + 1)).ToList();
        if (seed == 1) points.AddRange([0, UpgradeLength - 1, UpgradeLength, UpgradeLength + 1, UpgradeLength + 2, Total - 1, Total]);

        foreach (var k in points)
        {
            await using var server = HostileServer.Start(c => PlayThenResetAsync(c, k));
            var (result, elapsed) = await Hostile.RunAsync("1.1.1", server.Url, FuzzingOptions.Default, output);
            output.WriteLine($"  reset after octet {k} of {Total}");

            var closing = result.Transcript.Closing;
            if (k < UpgradeLength)
            {
                Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed, Hostile.EventsDiffer, Hostile.NeverOpen);
                Assert.Equal($"The server at {server.Url} closed the connection during the WebSocket opening handshake.", result.Transcript.ConnectionFailure);
            }
            else if (k < UpgradeLength + Echo.Length)
            {
                Hostile.AssertVerdict(result, Behavior.Failed, Behavior.Failed, Hostile.EventsDiffer, Hostile.WrongEndpoint);
                Assert.True(closing is { ClosedByMe: false, DroppedByMe: false, WasClean: false, WasNotCleanReason: Hostile.PeerDropped }, Hostile.Describe(result));
            }
            else if (k < Total)
            {
                Hostile.AssertVerdict(result, Behavior.Ok, Behavior.Unclean, Hostile.EventsMatch, Hostile.Unclean);
                Assert.True(closing is { ClosedByMe: true, DroppedByMe: false, WasClean: false, WasNotCleanReason: Hostile.PeerDropped, RemoteCloseCode: null }, Hostile.Describe(result));
            }
            else
            {
                Hostile.AssertVerdict(result, Behavior.Ok, Behavior.Ok, Hostile.EventsMatch, Hostile.ProperlyClosed);
                Assert.True(closing is { ClosedByMe: true, DroppedByMe: false, WasClean: true, RemoteCloseCode: 1000 }, Hostile.Describe(result));
            }

            // Ended by the reset, not by killAfter(1).
            Hostile.AssertWithin(elapsed, TimeSpan.FromSeconds(0.9), result);
            Assert.DoesNotContain(result.Transcript.WireLog, e => e.Kind == "KLE");
        }
    }

    private static async Task PlayThenResetAsync(HostileConnection c, int k)
    {
        var key = await c.ReadRequestAsync();
        if (key is null) return;

        // Each part goes out only after what the fuzzer sends before it, so the verdict does not depend on timing.
        var parts = new (byte[] Bytes, int? AfterOpcode)[] { (HostileConnection.UpgradeResponse(key), null), (Echo, Opcodes.Text), (CloseReply, Opcodes.Close) };
        var left = k;
        foreach (var (bytes, afterOpcode) in parts)
        {
            if (afterOpcode is { } opcode && await c.ReadFrameAsync(opcode) is null) return;
            var count = Math.Min(left, bytes.Length);
            if (count > 0) await c.WriteAsync(bytes.AsMemory(0, count));
            left -= count;
            if (count < bytes.Length) break;
        }

        // Give loopback a moment to hand the octets over, then abort: RST instead of FIN.
        await Task.Delay(20, c.Stopping);
        c.Reset();
    }
}
