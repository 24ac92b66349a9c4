using System.Net;
using System.Security.Cryptography.X509Certificates;
using Autobahn.Samples.EchoServer;
using Autobahn.Testsuite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autobahn.Samples.Tests;

/// <summary>
/// Starts the sample echo app in this process over HTTPS on a free loopback port, once per test class, with a
/// self-signed certificate made for the run (no development certificate, nothing installed in a certificate store).
/// </summary>
public sealed class HttpsEchoServerFixture : IAsyncLifetime
{
    private WebApplication? app;

    /// <summary>The server's certificate: <c>CN=localhost</c>, for localhost, 127.0.0.1 and ::1, valid for a day.</summary>
    public X509Certificate2 Certificate { get; } = LoopbackCertificate.Create();

    /// <summary>The secure WebSocket URL of the running app, e.g. <c>wss://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Fuzzing options that trust <see cref="Certificate"/> (validation stays on: chain and host name).</summary>
    public FuzzingOptions Options => new() { Tls = new TlsOptions { TrustedCertificate = Certificate } };

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(Certificate)));
        app = builder.Build();
        EchoApp.Map(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Url = new UriBuilder(address) { Scheme = "wss", Path = "/" }.Uri;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        Certificate.Dispose();
    }
}
