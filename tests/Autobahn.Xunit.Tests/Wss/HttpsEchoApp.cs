using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Autobahn.Samples.EchoServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autobahn.Xunit.Tests.Wss;

/// <summary>
/// The sample echo app (Kestrel, in this process) on two loopback endpoints, plain and HTTPS with the given
/// certificate, so one server answers the same cases over <c>ws://</c> and <c>wss://</c>. Kestrel's
/// <c>ServerCertificateSelector</c> records the SNI name of every TLS connection.
/// </summary>
internal sealed class HttpsEchoApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private HttpsEchoApp(WebApplication app, Uri plainUrl, Uri secureUrl, ConcurrentQueue<string> serverNames)
    {
        this.app = app;
        ServerNames = serverNames;
        PlainUrl = plainUrl;
        SecureUrl = secureUrl;
    }

    /// <summary><c>ws://127.0.0.1:port/</c>.</summary>
    public Uri PlainUrl { get; }

    /// <summary><c>wss://127.0.0.1:port/</c>.</summary>
    public Uri SecureUrl { get; }

    /// <summary>The SNI host name Kestrel saw for each TLS connection; empty when the client sent none.</summary>
    public ConcurrentQueue<string> ServerNames { get; }

    public static async Task<HttpsEchoApp> StartAsync(X509Certificate2 certificate)
    {
        var names = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificateSelector = (_, name) =>
                {
                    names.Enqueue(name ?? string.Empty);
                    return certificate;
                },
            }));
        });
        var app = builder.Build();
        EchoApp.Map(app);
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var plain = new UriBuilder(addresses.Single(a => a.StartsWith("http:", StringComparison.Ordinal))) { Scheme = "ws", Path = "/" }.Uri;
        var secure = new UriBuilder(addresses.Single(a => a.StartsWith("https:", StringComparison.Ordinal))) { Scheme = "wss", Path = "/" }.Uri;
        return new HttpsEchoApp(app, plain, secure, names);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
