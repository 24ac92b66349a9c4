namespace Autobahn.Testsuite.Cases;

/// <summary>wstest's report strings for <see cref="Behavior"/>.</summary>
public static class BehaviorExtensions
{
    /// <summary>The string wstest writes to its reports, e.g. "NON-STRICT" or "WRONG CODE".</summary>
    public static string ToWstestString(this Behavior behavior) => behavior switch
    {
        Behavior.Ok => "OK",
        Behavior.NonStrict => "NON-STRICT",
        Behavior.Failed => "FAILED",
        Behavior.Informational => "INFORMATIONAL",
        Behavior.Unimplemented => "UNIMPLEMENTED",
        Behavior.WrongCode => "WRONG CODE",
        Behavior.Unclean => "UNCLEAN",
        Behavior.FailedByClient => "FAILED BY CLIENT",
        _ => throw new ArgumentOutOfRangeException(nameof(behavior)),
    };

    /// <summary>Parses a wstest report string.</summary>
    public static Behavior ParseWstest(string text) => text switch
    {
        "OK" => Behavior.Ok,
        "NON-STRICT" => Behavior.NonStrict,
        "FAILED" => Behavior.Failed,
        "INFORMATIONAL" => Behavior.Informational,
        "UNIMPLEMENTED" => Behavior.Unimplemented,
        "WRONG CODE" => Behavior.WrongCode,
        "UNCLEAN" => Behavior.Unclean,
        "FAILED BY CLIENT" => Behavior.FailedByClient,
        _ => throw new FormatException($"Not a wstest behavior: '{text}'."),
    };
}
