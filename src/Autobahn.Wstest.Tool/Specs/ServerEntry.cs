using Autobahn.Testsuite;

namespace Autobahn.Wstest.Tool.Specs;

/// <summary>One entry of the fuzzingclient spec's <c>"servers"</c>, ready to run.</summary>
internal sealed record ServerEntry
{
    /// <summary>The server's URL (<c>"url"</c>).</summary>
    public required Uri Url { get; init; }

    /// <summary>The agent name of the reports (<c>"agent"</c>); null: the server's <c>Server</c> header, else "UnknownServer".</summary>
    public string? Agent { get; init; }

    /// <summary>The fuzzer's options for this server: merged protocol options, agent, and the run's settings.</summary>
    public required FuzzingOptions Options { get; init; }

    /// <summary>The name this server goes by in messages before its agent is known.</summary>
    public string DisplayName => Agent ?? Url.ToString();
}
