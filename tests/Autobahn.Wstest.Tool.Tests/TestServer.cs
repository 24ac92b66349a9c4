using System.Net.WebSockets;
using Autobahn.Samples.EchoServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace Autobahn.Wstest.Tool.Tests;

/// <summary>A WebSocket server in this process on <c>127.0.0.1:0</c>: the sample echo app, or one that fails every echo case.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestServer(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The server's URL, e.g. <c>ws://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Starts the sample echo app (<see cref="EchoApp"/>).</summary>
    public static Task<TestServer> StartEchoAsync() => StartAsync(EchoApp.Build(["--urls", "http://127.0.0.1:0"]));

    /// <summary>Starts a server that accepts the WebSocket and closes it at once with 1000: every echo case FAILS.</summary>
    public static Task<TestServer> StartNonEchoingAsync()
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
        });
        return StartAsync(app);
    }

    /// <summary>
    /// Starts an echo server that hands each upgrade request's headers to <paramref name="requestHeaders"/> and accepts
    /// with <paramref name="subProtocol"/> as its <c>Sec-WebSocket-Protocol</c> (none when null), whether or not the
    /// client offered it.
    /// </summary>
    public static Task<TestServer> StartSubprotocolEchoAsync(string? subProtocol, Action<IHeaderDictionary> requestHeaders)
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/", async context =>
        {
            requestHeaders(context.Request.Headers);
            using var socket = await context.WebSockets.AcceptWebSocketAsync(subProtocol);
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(received.CloseStatus ?? WebSocketCloseStatus.NormalClosure, received.CloseStatusDescription, context.RequestAborted);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
            }
        });
        return StartAsync(app);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static async Task<TestServer> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TestServer(app, new UriBuilder(address) { Scheme = "ws", Path = "/" }.Uri);
    }
}
