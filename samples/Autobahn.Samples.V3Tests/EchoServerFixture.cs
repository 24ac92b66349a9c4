using Autobahn.Samples.EchoServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Autobahn.Samples.V3Tests;

/// <summary>Starts the sample echo app in this process on a free loopback port, once per test class (xUnit v3's <see cref="IAsyncLifetime"/>).</summary>
public sealed class EchoServerFixture : IAsyncLifetime
{
    private WebApplication? app;

    /// <summary>The WebSocket URL of the running app, e.g. <c>ws://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = EchoApp.Build(["--urls", "http://127.0.0.1:0"], permessageDeflate: false);
        await app.StartAsync();

        // Port 0 lets Kestrel pick a free port; the address it bound is known only once it has started.
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Url = new UriBuilder(address) { Scheme = "ws", Path = "/" }.Uri;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
