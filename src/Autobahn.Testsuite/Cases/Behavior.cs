namespace Autobahn.Testsuite.Cases;

/// <summary>wstest's <c>behavior</c> / <c>behaviorClose</c> values (<c>case/case.py</c>).</summary>
public enum Behavior
{
    /// <summary>"OK".</summary>
    Ok,

    /// <summary>"NON-STRICT".</summary>
    NonStrict,

    /// <summary>"FAILED".</summary>
    Failed,

    /// <summary>"INFORMATIONAL".</summary>
    Informational,

    /// <summary>"UNIMPLEMENTED" (the server declined permessage-deflate).</summary>
    Unimplemented,

    /// <summary>"WRONG CODE" (behaviorClose only).</summary>
    WrongCode,

    /// <summary>"UNCLEAN" (behaviorClose only).</summary>
    Unclean,

    /// <summary>"FAILED BY CLIENT" (behaviorClose only).</summary>
    FailedByClient,
}
