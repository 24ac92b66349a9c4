using Autobahn.Testsuite;
using Xunit.Sdk;

namespace Autobahn.Xunit;

/// <summary>
/// A case's verdict failed (or its server could not be reached, or stopped answering). The message reads like wstest's
/// case report: case, expectation, verdict, expected and observed events, the closing behaviour one key per line, the
/// tail of the wire log in the words of wstest's HTML report, and the path of the case's HTML page.
/// </summary>
public sealed class AutobahnCaseFailedException : XunitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The failure message.</param>
    /// <param name="result">The case's result; null when the case did not run (its server was already known to be down or silent).</param>
    public AutobahnCaseFailedException(string message, CaseResult? result)
        : base(message)
    {
        Result = result;
    }

    /// <summary>The case's result, or null when the case did not run.</summary>
    public CaseResult? Result { get; }
}
