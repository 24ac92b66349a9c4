namespace Autobahn.Testsuite.Tests.Control;

/// <summary>
/// A fact that compares with wstest's verdicts for real clients: skipped, with the reason, when the shared tables are
/// not found, or when it takes minutes and its opt-in variable is not set to 1.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClientTableFactAttribute : FactAttribute
{
    public ClientTableFactAttribute(string? optInVariable = null, string? why = null)
    {
        if (optInVariable is not null && Environment.GetEnvironmentVariable(optInVariable) != "1")
        {
            Skip = $"{why ?? "takes minutes"}; set {optInVariable}=1 to run it";
        }
        else if (ClientVerdictTables.FindShared() is null)
        {
            Skip = "shared/autobahn/wstest-results/clients was not found above " + AppContext.BaseDirectory;
        }
    }
}
