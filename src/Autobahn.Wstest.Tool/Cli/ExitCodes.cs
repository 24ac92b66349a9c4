namespace Autobahn.Wstest.Tool.Cli;

/// <summary>The exit status of <c>wstest</c>. wstest itself exits 0 whatever the verdicts (1 on a usage error or a crash).</summary>
internal static class ExitCodes
{
    /// <summary>Every case passed (or <c>--exit-zero</c>), or help/version was printed.</summary>
    public const int Success = 0;

    /// <summary>At least one case failed under the verdict policy (<c>--fail-on</c>), or a server could not be reached.</summary>
    public const int CasesFailed = 1;

    /// <summary>A usage error: bad command line, unknown or unsupported mode, missing or bad spec file, a report path that cannot be written.</summary>
    public const int UsageError = 2;

    /// <summary>The run was interrupted (Ctrl+C).</summary>
    public const int Interrupted = 130;
}
