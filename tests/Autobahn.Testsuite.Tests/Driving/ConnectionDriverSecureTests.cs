using Autobahn.Testsuite.Driving;
using Autobahn.Testsuite.Fuzzing;
using Microsoft.Extensions.Time.Testing;

namespace Autobahn.Testsuite.Tests.Driving;

/// <summary>
/// The driver's TLS step (<c>secure</c>): the connection starts when TCP connected, before TLS, as Twisted calls
/// <c>connectionMade</c> under its TLS wrapper, so the TLS handshake counts within the opening handshake timeout; a
/// failed TLS step is a failed connect with its message.
/// </summary>
public sealed class ConnectionDriverSecureTests
{
    [Fact]
    public async Task RunAsync_SlowTlsStep_ConnectionStartsAtTheTcpConnect()
    {
        var clock = new FakeTimeProvider();
        var connectedAt = clock.GetUtcNow();
        var connection = new StartRecordingConnection();
        var (stream, _) = InMemoryDuplexStream.CreatePair();

        await ConnectionDriver.RunAsync(
            connection,
            _ => Task.FromResult<Stream>(stream),
            clock,
            CancellationToken.None,
            secure: (transport, _) =>
            {
                clock.Advance(TimeSpan.FromSeconds(3)); // the TLS handshake takes 3 s
                return Task.FromResult(transport);
            }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(connection.Failure);
        Assert.Equal(TimeSpan.Zero, connection.StartedAtElapsed);
        Assert.Equal(connectedAt, connection.StartedAt);
    }

    [Fact]
    public async Task RunAsync_TlsStepFails_FailToConnectWithItsMessage()
    {
        var connection = new StartRecordingConnection();
        var (stream, _) = InMemoryDuplexStream.CreatePair();

        await ConnectionDriver.RunAsync(
            connection,
            _ => Task.FromResult<Stream>(stream),
            TimeProvider.System,
            CancellationToken.None,
            secure: (_, _) => Task.FromException<Stream>(new IOException("TLS handshake failed: the server's certificate was rejected"))).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("TLS handshake failed: the server's certificate was rejected", connection.Failure);
        Assert.Null(connection.StartedAt);
    }

    [Fact]
    public async Task RunAsync_CancelledDuringTheTlsStep_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var connection = new StartRecordingConnection();
        var (stream, _) = InMemoryDuplexStream.CreatePair();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ConnectionDriver.RunAsync(
            connection,
            _ => Task.FromResult<Stream>(stream),
            TimeProvider.System,
            cancel.Token,
            secure: async (_, token) =>
            {
                await cancel.CancelAsync();
                token.ThrowIfCancellationRequested();
                return stream;
            }));

        Assert.Null(connection.Failure); // a cancelled case is not an unreachable server
    }
}
