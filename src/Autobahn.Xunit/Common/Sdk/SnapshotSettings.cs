namespace Autobahn.Xunit.Sdk;

/// <summary>How a snapshot mismatch is handled: accepted, or failed (opening a diff tool locally).</summary>
/// <param name="Accept">Write received snapshots as verified and pass (never on CI).</param>
/// <param name="IsCi">Running on a build server: never accept, never open a diff tool.</param>
/// <param name="LaunchDiffTool">Open a diff tool on a mismatch (locally, when one is installed).</param>
internal sealed record SnapshotSettings(bool Accept, bool IsCi, bool LaunchDiffTool)
{
    /// <summary>The variable that accepts all received snapshots: <c>1</c> or <c>true</c>.</summary>
    public const string AcceptVariable = "AUTOBAHN_ACCEPT_SNAPSHOTS";

    /// <summary>Variables whose presence (with a non-empty value) means a build server.</summary>
    public static readonly IReadOnlyList<string> BuildServerVariables =
    [
        "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "BUILD_ID", "BUILDKITE",
        "APPVEYOR", "TRAVIS", "CIRCLECI", "BITBUCKET_BUILD_NUMBER", "CODEBUILD_BUILD_ID", "DRONE",
    ];

    /// <summary>The settings of this process, from its environment variables.</summary>
    public static SnapshotSettings FromEnvironment() => From(Environment.GetEnvironmentVariable, DiffTool.BuildServerDetected());

    /// <summary>The settings given environment variables <paramref name="variable"/>.</summary>
    /// <param name="variable">Looks up an environment variable.</param>
    /// <param name="buildServerDetected">Another detector (DiffEngine's) already found a build server.</param>
    public static SnapshotSettings From(Func<string, string?> variable, bool buildServerDetected = false)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var isCi = buildServerDetected
            || IsTrue(variable("CI"))
            || BuildServerVariables.Any(name => !string.IsNullOrEmpty(variable(name)));
        var accept = !isCi && IsTrue(variable(AcceptVariable));
        return new SnapshotSettings(accept, isCi, LaunchDiffTool: !isCi);
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
}
