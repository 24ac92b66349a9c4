using System.Diagnostics;
using System.Text;
using Autobahn.Testsuite.Fuzzing;
using Autobahn.Testsuite.Protocol;

namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// The whole receive path of a fuzzing session (frame reader, RFC 6455 checks, UTF-8 fail-fast, close handling, the
/// verdict) as a property: a random server octet stream — mostly well-formed frames of every kind, some broken, then a
/// few octets changed — gives the same transcript whether it arrives in one read or split at random points, and no
/// exception escapes. TCP may split a server's octets anywhere; wstest's verdict must not depend on where.
/// </summary>
public class SessionReceivePropertyTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    // No timer fires within a run: the stream's end (EOF) ends every case.
    private static readonly FuzzingOptions NoTimers = new() { TimeScale = 1000 };

    [Fact]
    public async Task RandomServerStreams_SplitAnywhere_SameTranscript()
    {
        var random = new Random(1455);
        var upgrade = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {HandshakeRequest.ExpectedAccept(Key)}\r\n\r\n");
        var iterations = 0;
        var outcomes = new HashSet<string>();
        for (var stopwatch = Stopwatch.StartNew(); stopwatch.Elapsed < Budget; iterations++)
        {
            byte[] stream = [.. upgrade, .. RandomFrames(random)];
            var (whole, failedUtf8) = await RunAsync([stream]);
            var chunks = FrameHeaderParserPropertyTests.Split(stream, random);
            var (split, _) = await RunAsync(chunks);
            if (failedUtf8)
            {
                // After the fuzzer failed a text message for invalid UTF-8, autobahn's sticky validator fails the next
                // chunk of the same frame again, and in CLOSING that drops TCP (protocol.py onFrameData → failConnection →
                // dropConnection). Whether more of that frame comes in another read is up to TCP, so droppedByMe, wasClean
                // and the frames logged after the fuzzer's close depend on the split — in wstest as here. What the fuzzer
                // received and sent, and the behavior, do not.
                (whole, split) = (Loose(whole), Loose(split));
            }

            Assert.True(whole == split, $"iteration {iterations}: {Convert.ToHexString(stream)}\nsplit at {string.Join(",", chunks.Select(c => c.Length))}\nwhole: {whole}\nsplit: {split}");
            outcomes.Add(whole.Split('\n')[0]);
        }

        Assert.True(iterations > 100, $"only {iterations} iterations");
        Assert.True(outcomes.Count >= 4, $"only {outcomes.Count} distinct verdicts: {string.Join("; ", outcomes)}");
    }

    private static string Loose(string transcript)
    {
        var lines = transcript.Split('\n');
        return string.Join("\n", lines.Where((line, i) => i == 1 || line.StartsWith("TF ", StringComparison.Ordinal)).Prepend(lines[0].Split('/')[0]));
    }

    private static async Task<(string Transcript, bool FailedUtf8)> RunAsync(IReadOnlyList<byte[]> chunks)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await Fuzzer.RunCaseAsync(
            "1.1.1",
            new Uri("ws://scripted/"),
            _ => Task.FromResult<Stream>(new ScriptedServerStream(chunks)),
            NoTimers,
            guard.Token,
            newMaskKey: () => [0x11, 0x22, 0x33, 0x44],
            handshakeKey: Key);

        // Frames received after the fuzzer's close may be logged or not, depending on the split, exactly as in autobahn:
        // once a text message failed UTF-8, the sticky validator fails the next chunk of the same frame again, and in
        // CLOSING that drops TCP before the frame ends (and is logged) — with the whole frame in one read, the drop comes
        // at its end, after the "RF" row (protocol.py onFrameData/onFrameEnd). The verdict and everything else agree.
        var t = result.Transcript;
        var log = t.WireLog.Where(e => e.Kind is "RF" or "TF").ToList();
        var firstClose = log.FindIndex(e => e.Kind == "TF" && (int)e.Values[1]! == Opcodes.Close);
        var frames = log.Where((e, i) => e.Kind == "TF" || firstClose < 0 || i < firstClose)
            .Select(e => $"{e.Kind} {string.Join(",", e.Values.Select(v => v is object?[] a ? $"[{string.Join(",", a)}]" : v?.ToString()))}");
        var transcript = $"{result.Behavior}/{result.BehaviorClose} {result.Verdict.ResultClose}\n{string.Join(" ", t.Received)}\n{t.Closing}\n{string.Join("\n", frames)}";
        return (transcript, t.Closing.LocalCloseCode == CloseCodes.InvalidPayload);
    }

    /// <summary>Text (valid, invalid or cut UTF-8, sometimes fragmented), binary, ping, pong and close frames; now and then a broken one.</summary>
    private static byte[] RandomFrames(Random random)
    {
        var stream = new List<byte>();
        for (var n = random.Next(0, 7); n > 0; n--)
        {
            switch (random.Next(7))
            {
                case 0:
                case 1:
                    var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => char.ConvertFromUtf32(random.Next(3) == 0 ? random.Next(0x10000, 0x10400) : random.Next(0x20, 0x800)))));
                    if (text.Length > 0 && random.Next(3) == 0) text[random.Next(text.Length)] = (byte)random.Next(0x80, 0x100);
                    var cut = random.Next(text.Length + 1);
                    if (random.Next(2) == 0 && text.Length > 1)
                    {
                        stream.AddRange(Frame(Opcodes.Text, text[..cut], fin: false));
                        stream.AddRange(Frame(Opcodes.Continuation, text[cut..]));
                    }
                    else
                    {
                        stream.AddRange(Frame(Opcodes.Text, text));
                    }

                    break;
                case 2:
                    stream.AddRange(Frame(Opcodes.Binary, RandomBytes(random, random.Next(0, 300))));
                    break;
                case 3:
                    stream.AddRange(Frame(random.Next(2) == 0 ? Opcodes.Ping : Opcodes.Pong, RandomBytes(random, random.Next(0, 20))));
                    break;
                case 4:
                    var codes = new[] { 1000, 1001, 1002, 1004, 1007, 1012, 999, 3000, 4999, 5000 };
                    var reason = random.Next(3) == 0 ? [0xce, 0xba, 0xe1] : Encoding.UTF8.GetBytes("bye");
                    stream.AddRange(Frame(Opcodes.Close, random.Next(5) == 0 ? RandomBytes(random, random.Next(0, 3)) : ClosePayload.Build(codes[random.Next(codes.Length)], reason)));
                    break;
                case 5:
                    // Broken on purpose: reserved bits, a reserved opcode, a masked or fragmented control frame.
                    var b0 = (byte)((random.Next(2) << 7) | (random.Next(8) << 4) | random.Next(16));
                    stream.AddRange([b0, (byte)(random.Next(2) << 7 | 3), 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67]);
                    break;
                default:
                    stream.AddRange(Frame(Opcodes.Continuation, RandomBytes(random, random.Next(0, 5))));
                    break;
            }
        }

        for (var m = random.Next(0, 3); m > 0 && stream.Count > 0; m--) stream[random.Next(stream.Count)] = (byte)random.Next(256);
        return [.. stream];
    }

    private static byte[] Frame(int opcode, byte[] payload, bool fin = true) => FrameWriter.Encode(opcode, payload, fin, 0, []);

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
