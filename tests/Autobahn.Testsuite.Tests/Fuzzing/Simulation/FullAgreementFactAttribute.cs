namespace Autobahn.Testsuite.Tests.Fuzzing.Simulation;

/// <summary>
/// A <see cref="FactAttribute"/> for the run of all 517 cases through the scripted peer: minutes of wall time (the
/// compression sections), so it runs only when <c>AUTOBAHN_PEER_FULL=1</c> and wstest's ws.tsv is found, and says so
/// in the results when skipped.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FullAgreementFactAttribute : FactAttribute
{
    public const string Variable = "AUTOBAHN_PEER_FULL";

    public FullAgreementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"takes minutes; set {Variable}=1 to run all 517 cases through the scripted peer";
        }
        else if (WstestVerdicts.FindWsTable() is null)
        {
            Skip = "shared/autobahn/wstest-results/ws.tsv was not found above " + AppContext.BaseDirectory;
        }
    }
}
