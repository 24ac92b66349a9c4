namespace Autobahn.Wstest.Tool.Server;

/// <summary>
/// Where fuzzingserver mode gets its <see cref="IFuzzingServer"/>: the one line to change when the engine's fuzzing
/// server (<c>src/Autobahn.Testsuite/Control/</c>) is wired in.
/// </summary>
internal static class FuzzingServerBinding
{
    /// <summary>The fuzzing server of this build.</summary>
    public static IFuzzingServer Create() => new EngineFuzzingServer();
}
