namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// A <see cref="FactAttribute"/> that compares with wstest's verdicts for ws (<c>wstest-results/ws.tsv</c> and
/// <c>clients/ws.tsv</c> in the shared folder beside the repository): skipped, with the reason, when they are not found,
/// as the other tests that need the shared folder are; CI always has it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WsVerdictsFactAttribute : FactAttribute
{
    public WsVerdictsFactAttribute()
    {
        if (WstestVerdicts.FindWsTable() is null || WstestVerdicts.FindClientWsTable() is null)
        {
            Skip = "shared/autobahn/wstest-results/ws.tsv and clients/ws.tsv were not found above " + AppContext.BaseDirectory;
        }
    }
}
