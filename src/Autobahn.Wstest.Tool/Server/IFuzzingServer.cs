namespace Autobahn.Wstest.Tool.Server;

/// <summary>
/// THE seam of fuzzingserver mode: everything before it (command line, spec, validation) is this tool's; everything
/// behind it — listening, the control protocol, running the cases as the server, the reports — is the engine's
/// fuzzing server. <see cref="FuzzingServerBinding.Create"/> chooses the implementation.
/// </summary>
internal interface IFuzzingServer
{
    /// <summary>
    /// Serves until the testee stops it (<c>/stopServer</c>, <c>/updateReports?…&amp;shutdownOnComplete=true</c>) or
    /// <paramref name="cancellationToken"/> fires, and returns the process's exit status.
    /// </summary>
    Task<int> ServeAsync(FuzzingServerSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
