using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Driving;
using Autobahn.Testsuite.Fuzzing;

namespace Autobahn.Testsuite.Control;

/// <summary>
/// One connection to a <see cref="FuzzingServer"/>: reads the request head, validates it (autobahn
/// <c>processHandshake</c>), routes it by path and query (wstest <c>onConnect</c>, HTTP 500 on bad parameters), then
/// runs the case in the server role or answers the control request (wstest <c>onOpen</c>).
/// </summary>
internal sealed class ServerConnection(FuzzingServer server, Socket socket)
{
    public async Task ServeAsync()
    {
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        var routing = true;
        server.EnterRouting();
        try
        {
            var fuzzing = server.Options.Fuzzing;
            var openTimeout = fuzzing.Scale(fuzzing.OpenHandshakeTimeout);
            if (server.Options.Certificate is { } certificate)
            {
                // listenSSL: the TLS handshake comes first and counts within openHandshakeTimeout (from TCP accept).
                stream = await AuthenticateAsync(stream, certificate, openTimeout).ConfigureAwait(false);
            }

            var head = await HeadReader.ReadAsync(stream, openTimeout, server.Options.Time, server.StoppingToken).ConfigureAwait(false);

            // No complete request within openHandshakeTimeout (from TCP accept): dropped without a word (AB proto:906-933).
            if (head is not { } received) return;
            var parsed = UpgradeRequest.Parse(Encoding.Latin1.GetString(received.Buffered, 0, received.HeadLength), server.Options.RequiredHostPort, secure: server.Options.Certificate is not null);
            if (parsed.Refusal is { } invalid)
            {
                await RefuseAsync(stream, invalid).ConfigureAwait(false);
                return;
            }

            var request = parsed.Request!;
            var control = ControlRequest.Parse(request.Path, request.Query, server.Cases);
            if (control.Failure is not null)
            {
                await RefuseAsync(stream, HttpRefusal.InternalServerError(control.Failure)).ConfigureAwait(false);
                return;
            }

            if (control is { Endpoint: ControlEndpoint.RunCase, Agent: { } agent, Case: { } id } && server.Options.Fuzzing.ExcludeAfterHandshake?.Invoke(agent, id) != true)
            {
                var claim = server.Claims.Take(agent, id);
                routing = false;
                server.LeaveRouting();
                await RunCaseAsync(stream, received.Buffered, request, control, claim).ConfigureAwait(false);
                return;
            }

            // The case instance exists from onConnect on, so an excluded case still negotiates with its accept function.
            var accept = control.Case is { } selected && control.Endpoint == ControlEndpoint.RunCase ? CaseCatalog.Get(selected).ServerAccept : DeflateAccept.DeclineAll;
            var answer = ServerOpeningHandshake.Answer(request, accept);
            if (answer.Refusal is { } refused)
            {
                await RefuseAsync(stream, refused).ConfigureAwait(false);
                return;
            }

            await stream.WriteAsync(answer.Response!, server.StoppingToken).ConfigureAwait(false);
            routing = false;
            server.LeaveRouting();
            await AnswerAsync(new ControlSession(stream, received.Buffered[received.HeadLength..]), control).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, or the server is stopping.
        }
        finally
        {
            if (routing) server.LeaveRouting();
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<Stream> AuthenticateAsync(Stream stream, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, TimeSpan timeout)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(server.StoppingToken);
            deadline.CancelAfter(timeout);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, deadline.Token).ConfigureAwait(false);
            return tls;
        }
        catch (System.Security.Authentication.AuthenticationException)
        {
            // The client rejected the certificate or spoke no TLS: nothing to answer, as with a silent client.
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new IOException("TLS handshake failed");
        }
    }

    private async Task RunCaseAsync(Stream stream, byte[] alreadyRead, UpgradeRequest request, ControlRequest control, CaseClaim? claim)
    {
        var id = control.Case!.Value;
        var definition = CaseCatalog.Get(id);
        var options = claim?.Options ?? server.Options.Fuzzing;
        var url = new Uri(server.Url, request.Path + (request.Query.Length > 0 ? "?" + request.Query : ""));
        using var core = new CaseCore(definition, FuzzerRole.Server, url, options, () => RandomNumberGenerator.GetBytes(4), handshakeKey: "");
        try
        {
            await ConnectionDriver.RunAsync(core, _ => Task.FromResult<Stream>(new ReplayStream(alreadyRead, stream)), server.Options.Time, server.StoppingToken).ConfigureAwait(false);
        }
        finally
        {
            // wstest records the case when TCP is gone (fuzzing.py connectionLost); a server that is stopping records nothing.
            var result = Fuzzer.Conclude(definition, core.Transcript(), control.Agent!, control.CaseNumber!.Value);
            if (!server.StoppingToken.IsCancellationRequested) server.Record(result);
            claim?.Complete(result);
        }
    }

    private async Task AnswerAsync(ControlSession session, ControlRequest control)
    {
        var token = server.StoppingToken;
        var closeTimeout = server.Options.Fuzzing.Scale(server.Options.Fuzzing.CloseHandshakeTimeout);
        switch (control.Endpoint)
        {
            case ControlEndpoint.GetCaseCount:
                await session.SendTextAsync(ControlMessages.CaseCount(server.Cases.Count), token).ConfigureAwait(false);
                await session.CloseAsync(closeTimeout, token).ConfigureAwait(false);
                break;
            case ControlEndpoint.GetCaseInfo:
                await session.SendTextAsync(ControlMessages.CaseInfo(control.Case!.Value), token).ConfigureAwait(false);
                await session.CloseAsync(closeTimeout, token).ConfigureAwait(false);
                break;
            case ControlEndpoint.GetCaseStatus:
                await SendStatusAsync(session, control.Agent!, control.Case!.Value, closeTimeout, token).ConfigureAwait(false);
                break;
            case ControlEndpoint.UpdateReports:
                server.WriteReports();
                await session.CloseAsync(closeTimeout, token).ConfigureAwait(false);
                if (control.ShutdownOnComplete) server.Stop();
                break;
            case ControlEndpoint.StopServer:
                // No close frame: the connection dies with the server (fuzzing.py:325-327).
                server.Stop();
                break;
            case ControlEndpoint.RunCase:
                // A case exclude-agent-cases leaves out: an empty close, nothing recorded (fuzzing.py:284-290).
                await session.CloseAsync(closeTimeout, token).ConfigureAwait(false);
                break;
            default:
                // Direct command mode: the connection stays open until the client closes it.
                await session.ReadUntilCloseAsync(token).ConfigureAwait(false);
                break;
        }
    }

    /// <summary><c>/getCaseStatus</c>: waits for the result (for ever, as wstest) unless the client goes first.</summary>
    private async Task SendStatusAsync(ControlSession session, string agent, CaseId id, TimeSpan closeTimeout, CancellationToken token)
    {
        using var clientGone = CancellationTokenSource.CreateLinkedTokenSource(token);
        var recorded = server.Store.WhenRecorded(agent, id);
        var reading = session.ReadUntilCloseAsync(clientGone.Token);
        if (await Task.WhenAny(recorded, reading).ConfigureAwait(false) != recorded) return;
        await clientGone.CancelAsync().ConfigureAwait(false);
        await reading.ConfigureAwait(false);
        await session.SendTextAsync(ControlMessages.CaseStatus((await recorded.ConfigureAwait(false)).Behavior), token).ConfigureAwait(false);
        await session.CloseAsync(closeTimeout, token).ConfigureAwait(false);
    }

    private async Task RefuseAsync(Stream stream, HttpRefusal refusal)
    {
        if (refusal.IsFailure) server.NoteRefusal($"HTTP {refusal.StatusCode} {refusal.Diagnostic ?? refusal.Reason}");
        await stream.WriteAsync(refusal.ToResponseBytes()).ConfigureAwait(false);
        await stream.FlushAsync().ConfigureAwait(false);
    }
}
