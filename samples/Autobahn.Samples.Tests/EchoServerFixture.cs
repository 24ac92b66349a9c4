using Autobahn.Samples.EchoServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Autobahn.Samples.Tests;

/// <summary>Starts the sample echo app in this process on a free loopback port, once per test class.</summary>
public class EchoServerFixture : IAsyncLifetime
{
    private readonly bool permessageDeflate;
    private WebApplication? app;

    /// <summary>The app without compression, as ASP.NET Core accepts WebSockets by default.</summary>
    public EchoServerFixture()
        : this(permessageDeflate: false)
    {
    }

    /// <summary>The app, accepting permessage-deflate when <paramref name="permessageDeflate"/>.</summary>
    protected EchoServerFixture(bool permessageDeflate) => this.permessageDeflate = permessageDeflate;

    /// <summary>The WebSocket URL of the running app, e.g. <c>ws://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        app = EchoApp.Build(["--urls", "http://127.0.0.1:0"], permessageDeflate);
        await app.StartAsync();

        // Port 0 lets Kestrel pick a free port; the address it bound is known only once it has started.
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Url = new UriBuilder(address) { Scheme = "ws", Path = "/" }.Uri;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}

/// <summary>The sample echo app with permessage-deflate (RFC 7692) enabled, for sections 12 and 13.</summary>
public sealed class DeflateEchoServerFixture : EchoServerFixture
{
    /// <summary>Starts the app with compression.</summary>
    public DeflateEchoServerFixture()
        : base(permessageDeflate: true)
    {
    }
}
