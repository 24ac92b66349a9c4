namespace Autobahn.Testsuite.Fuzzing;

/// <summary>The outcome of <see cref="UpgradeRequest.Parse"/>: exactly one of a valid request and a refusal.</summary>
/// <param name="Request">The request, when autobahn would have called <c>onConnect</c>.</param>
/// <param name="Refusal">What to answer instead (an HTTP error, or the status page), then close the connection.</param>
internal sealed record UpgradeRequestResult(UpgradeRequest? Request, HttpRefusal? Refusal)
{
    public static implicit operator UpgradeRequestResult(UpgradeRequest request) => new(request, null);

    public static implicit operator UpgradeRequestResult(HttpRefusal refusal) => new(null, refusal);
}
