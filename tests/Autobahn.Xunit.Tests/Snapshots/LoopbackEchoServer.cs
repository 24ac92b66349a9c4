using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autobahn.Xunit.Tests.Snapshots;

/// <summary>
/// A tiny Kestrel echo server on a free loopback port. <paramref name="closeReason"/> changes its observable
/// behaviour without changing a verdict: the close frame it answers with carries that reason.
/// </summary>
internal sealed class LoopbackEchoServer(string? closeReason = null) : IAsyncDisposable
{
    private WebApplication? app;

    /// <summary>The WebSocket URL, e.g. <c>ws://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    public static async Task<LoopbackEchoServer> StartAsync(string? closeReason = null)
    {
        var server = new LoopbackEchoServer(closeReason);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server.app = builder.Build();
        server.app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        server.app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await server.EchoAsync(socket, context.RequestAborted);
        });
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Url = new UriBuilder(address) { Scheme = "ws", Path = "/" }.Uri;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }

    private async Task EchoAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        var status = socket.CloseStatus ?? WebSocketCloseStatus.Empty;
                        await socket.CloseOutputAsync(status, status == WebSocketCloseStatus.Empty ? null : closeReason, cancellationToken);
                        return;
                    }

                    count += result.Count;
                }
                while (!result.EndOfMessage);

                await socket.SendAsync(buffer.AsMemory(0, count), result.MessageType, endOfMessage: true, cancellationToken);
            }
        }
        catch (WebSocketException)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }
}
