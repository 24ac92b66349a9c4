namespace Autobahn.Testsuite.Control;

/// <summary>What a connection to the fuzzing server asks for, by its path (<c>ATS fuzzing.py</c> <c>onConnect</c>/<c>onOpen</c>).</summary>
internal enum ControlEndpoint
{
    /// <summary><c>/runCase</c>: the case itself; the client must echo.</summary>
    RunCase,

    /// <summary><c>/getCaseCount</c>: the number of cases as a JSON integer.</summary>
    GetCaseCount,

    /// <summary><c>/getCaseInfo</c>: <c>{"id": ..., "description": ...}</c>.</summary>
    GetCaseInfo,

    /// <summary><c>/getCaseStatus</c>: <c>{"behavior": ...}</c> once the agent's result for the case exists.</summary>
    GetCaseStatus,

    /// <summary><c>/updateReports</c>: write the reports of every agent.</summary>
    UpdateReports,

    /// <summary><c>/stopServer</c>: stop the server.</summary>
    StopServer,

    /// <summary>Any other path: wstest's "direct command mode"; the connection stays open.</summary>
    DirectCommand,
}
