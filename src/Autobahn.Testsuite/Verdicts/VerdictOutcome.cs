namespace Autobahn.Testsuite.Verdicts;

/// <summary>What a front end makes of a case's verdict under <see cref="PassingVerdicts"/>.</summary>
public enum VerdictOutcome
{
    /// <summary>The case passed.</summary>
    Pass,

    /// <summary>The case failed.</summary>
    Fail,

    /// <summary>The case did not apply (UNIMPLEMENTED: the server declined permessage-deflate): neither pass nor failure.</summary>
    Skip,
}
