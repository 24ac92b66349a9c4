using Autobahn.Testsuite.Cases;

namespace Autobahn.Xunit;

/// <summary>
/// Declares the verdict a server is known to get for some cases, and why — the expectation list of ASP.NET Core's
/// Autobahn test, in code next to the test. A row whose case it matches passes when the verdict is exactly the declared
/// one, and fails when it is anything else, better or worse ("expectation no longer holds"), so the list never goes stale.
/// Put it on an <see cref="AutobahnTheoryAttribute"/> method or on its class; repeat it for more cases.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Behavior"/> is wstest's <c>behavior</c>, e.g. <see cref="Behavior.NonStrict"/>; the close must then
/// pass as usual (OK or INFORMATIONAL) unless <see cref="BehaviorClose"/> declares it too. A close-only value
/// (<see cref="Behavior.WrongCode"/>, <see cref="Behavior.Unclean"/>, <see cref="Behavior.FailedByClient"/>) declares
/// <c>behaviorClose</c> and leaves <c>behavior</c> to the usual policy (OK, NON-STRICT or INFORMATIONAL).
/// <see cref="Behavior.Unimplemented"/> makes an unimplemented case pass instead of being skipped.
/// </para>
/// <para>
/// When several expectations match a case, method-level ones win over class-level ones, then a literal id over a
/// wildcard, then the longer pattern ("6.4.*" over "6.*"). Two equally specific expectations that declare different
/// verdicts are an error, reported by a failing test.
/// </para>
/// </remarks>
/// <example><code>
/// [AutobahnTheory]
/// [AutobahnCases("*")]
/// [AutobahnExpect("6.4.*", Behavior.NonStrict, "we validate UTF-8 per message, not per frame")]
/// public Task Conforms(string caseId) => AutobahnRunner.RunAsync(caseId, server.Url);
/// </code></example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class AutobahnExpectAttribute : Attribute
{
    private Behavior? behaviorClose;

    /// <summary>Declares <paramref name="behavior"/> for the cases matching <paramref name="cases"/>.</summary>
    /// <param name="cases">wstest's case patterns, separated by commas: ids ("7.9.1") or wildcards ("6.4.*").</param>
    /// <param name="behavior">The verdict the cases get, e.g. <see cref="Behavior.NonStrict"/>.</param>
    /// <param name="reason">Why: shown when the expectation no longer holds. Must not be empty.</param>
    public AutobahnExpectAttribute(string cases, Behavior behavior, string reason)
    {
        Cases = cases;
        Behavior = behavior;
        Reason = reason;
    }

    /// <summary>The case patterns, separated by commas.</summary>
    public string Cases { get; }

    /// <summary>The declared verdict: wstest's <c>behavior</c>, or <c>behaviorClose</c> for a close-only value.</summary>
    public Behavior Behavior { get; }

    /// <summary>Why the server gets this verdict.</summary>
    public string Reason { get; }

    /// <summary>
    /// The declared <c>behaviorClose</c>, e.g. <see cref="Behavior.WrongCode"/> with <c>Behavior = Behavior.Failed</c>.
    /// When not set, the close must pass as usual (OK or INFORMATIONAL) and this property reads <see cref="Behavior.Ok"/>.
    /// </summary>
    public Behavior BehaviorClose
    {
        get => behaviorClose ?? Behavior.Ok;
        set => behaviorClose = value;
    }

    /// <summary>The close declared through <see cref="BehaviorClose"/>, or null.</summary>
    internal Behavior? DeclaredBehaviorClose => behaviorClose;

    /// <inheritdoc />
    public override string ToString() =>
        $"[AutobahnExpect(\"{Cases}\", Behavior.{Behavior}, \"{Reason}\"" + (behaviorClose is { } close ? $", BehaviorClose = Behavior.{close}" : string.Empty) + ")]";
}
