using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Control;

/// <summary>
/// Cases a caller of <see cref="FuzzingServer.RunClientCaseAsync"/> is waiting for, by (agent, case): the
/// <c>/runCase</c> connection that matches takes the claim, runs with its options and completes it. One claim per key
/// at a time; a second caller for the same key waits for the first to finish.
/// </summary>
internal sealed class CaseClaims
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Agent, CaseId Case), CaseClaim> claims = [];

    /// <summary>Registers a claim once no other is pending for the key.</summary>
    public async Task<CaseClaim> RegisterAsync(string agent, CaseId id, FuzzingOptions options, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task earlier;
            lock (gate)
            {
                if (!claims.TryGetValue((agent, id), out var pending))
                {
                    var claim = new CaseClaim(agent, id, options);
                    claims[(agent, id)] = claim;
                    return claim;
                }

                earlier = pending.Finished;
            }

            await earlier.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The pending claim for a connection that asked to run <paramref name="id"/> as <paramref name="agent"/>, marked connected.</summary>
    public CaseClaim? Take(string agent, CaseId id)
    {
        lock (gate)
        {
            if (!claims.TryGetValue((agent, id), out var claim) || claim.IsConnected) return null;
            claim.MarkConnected();
            return claim;
        }
    }

    /// <summary>Ends a claim: its caller has its result (or gave up).</summary>
    public void Release(CaseClaim claim)
    {
        lock (gate)
        {
            if (claims.TryGetValue((claim.Agent, claim.Case), out var current) && current == claim) claims.Remove((claim.Agent, claim.Case));
        }

        claim.Finish();
    }
}
