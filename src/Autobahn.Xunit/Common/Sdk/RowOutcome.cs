namespace Autobahn.Xunit.Sdk;

/// <summary>The outcome of a row.</summary>
internal enum RowOutcome
{
    /// <summary>The verdict is accepted.</summary>
    Pass,

    /// <summary>Neither pass nor failure (UNIMPLEMENTED): reported as skipped.</summary>
    Skip,

    /// <summary>The verdict is not accepted.</summary>
    Fail,
}
