namespace Autobahn.Testsuite.Cases;

/// <summary>The per-case overrides of wstest's base verdict (<c>case/case.py</c> <c>onConnectionLost</c>).</summary>
internal enum CaseVerdictRule
{
    /// <summary>Only the base rules.</summary>
    Standard,

    /// <summary>7.x: a WRONG CODE close makes the behavior FAILED too (<c>case7_1_1.py</c>, <c>case7_7_X.py</c>, …).</summary>
    WrongCodeIsFailure,

    /// <summary>7.1.6: both verdicts forced to INFORMATIONAL, with a result text per outcome (<c>case7_1_6.py</c>).</summary>
    Informational716,

    /// <summary>7.13.x: both verdicts forced to INFORMATIONAL (<c>case7_13_1.py</c>).</summary>
    InformationalUndefined,

    /// <summary>10.1.1: also checks the fuzzer's own transmitted frame counts (<c>case10_1_1.py</c>).</summary>
    AutoFragmentFrameCount,
}
