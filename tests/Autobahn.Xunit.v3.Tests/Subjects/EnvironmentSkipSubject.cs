namespace Autobahn.Xunit.Tests.Subjects;

/// <summary>Rows skipped while a variable no one sets is unset.</summary>
internal sealed class EnvironmentSkipSubject
{
    /// <summary>Never set.</summary>
    public const string Variable = "AUTOBAHN_V3_TESTS_NEVER_SET_URL";

    [AutobahnTheory(SkipUnlessEnvironment = Variable)]
    [AutobahnCases("2.*")]
    public Task Conforms(string caseId) => AutobahnRunner.RunAsync(caseId, "ws://127.0.0.1:9/");
}
