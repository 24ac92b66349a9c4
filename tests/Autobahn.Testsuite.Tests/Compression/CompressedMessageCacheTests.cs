using Autobahn.Testsuite.Compression;

namespace Autobahn.Testsuite.Tests.Compression;

public class CompressedMessageCacheTests
{
    [Fact]
    public void GetOrAdd_ComputesEachMessageOnce_AndReturnsTheSameBytes()
    {
        var cache = new CompressedMessageCache(1 << 20);
        var calls = 0;
        byte[] Compress()
        {
            calls++;
            return [1, 2, 3];
        }

        var first = cache.For("json@generated", 16, 15, 10).GetOrAdd(3, Compress);
        var again = cache.For("json@generated", 16, 15, 10).GetOrAdd(3, Compress);

        Assert.Same(first, again);
        Assert.Equal(1, calls);
        Assert.Equal(3, cache.TotalBytes);
    }

    [Fact]
    public void For_DifferentLengthOrWindow_IsAnotherSequence()
    {
        var cache = new CompressedMessageCache(1 << 20);
        cache.For("json@generated", 16, 15, 10).GetOrAdd(0, () => [1]);

        Assert.Equal([2], cache.For("json@generated", 16, 9, 10).GetOrAdd(0, () => [2]));
        Assert.Equal([3], cache.For("json@generated", 64, 15, 10).GetOrAdd(0, () => [3]));
        Assert.Equal([4], cache.For("json@/data", 16, 15, 10).GetOrAdd(0, () => [4]));
    }

    [Fact]
    public void Capacity_EvictsTheLeastRecentlyUsedSequence()
    {
        var cache = new CompressedMessageCache(250);
        var a = cache.For("a", 16, 15, 2);
        a.GetOrAdd(0, () => new byte[100]);
        var b = cache.For("b", 16, 15, 2);
        b.GetOrAdd(0, () => new byte[100]);
        cache.For("a", 16, 15, 2);
        cache.For("c", 16, 15, 2).GetOrAdd(0, () => new byte[100]);

        Assert.Equal(200, cache.TotalBytes);
        var recomputed = false;
        cache.For("b", 16, 15, 2).GetOrAdd(0, () => { recomputed = true; return new byte[100]; });
        Assert.True(recomputed, "b was the least recently used and should have been evicted");
    }

    [Fact]
    public void CachedMessages_AreWhatAFreshEncoderProduces()
    {
        var cache = new CompressedMessageCache(1 << 20);
        var encoder = new DeflateEncoder(9);
        var messages = Enumerable.Range(0, 5).Select(i => System.Text.Encoding.ASCII.GetBytes($"{{\"n\":{i},\"s\":\"{new string('x', i * 10)}\"}}")).ToArray();
        var sequence = cache.For("json", 32, 9, messages.Length);
        var cached = messages.Select((m, i) => sequence.GetOrAdd(i, () => encoder.CompressMessage(m, contextTakeover: false))).ToArray();

        for (var i = 0; i < messages.Length; i++)
        {
            Assert.Equal(new DeflateEncoder(9).CompressMessage(messages[i], contextTakeover: false), cached[i]);
        }
    }
}
