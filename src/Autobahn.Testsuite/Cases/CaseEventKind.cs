namespace Autobahn.Testsuite.Cases;

/// <summary>The kinds of events wstest records in a case's <c>received</c> list.</summary>
public enum CaseEventKind
{
    /// <summary><c>("message", payload, isBinary)</c>.</summary>
    Message,

    /// <summary><c>("pong", payload)</c>.</summary>
    Pong,

    /// <summary><c>("timeout", tag)</c>, recorded only by 6.4.x.</summary>
    Timeout,
}
