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
        : this(Variable, "takes minutes; set AUTOBAHN_PEER_FULL=1 to run all 517 cases through the scripted peer")
    {
    }

    /// <summary>A run that takes minutes, opted in with <paramref name="variable"/>=1; <paramref name="skipReason"/> says so when it is not.</summary>
    public FullAgreementFactAttribute(string variable, string skipReason)
    {
        if (Environment.GetEnvironmentVariable(variable) != "1")
        {
            Skip = skipReason;
        }
        else if (WstestVerdicts.FindWsTable() is null)
        {
            Skip = "shared/autobahn/wstest-results/ws.tsv was not found above " + AppContext.BaseDirectory;
        }
    }
}
