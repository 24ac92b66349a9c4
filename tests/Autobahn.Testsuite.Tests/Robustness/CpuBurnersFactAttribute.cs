namespace Autobahn.Testsuite.Tests.Robustness;

/// <summary>
/// A <see cref="FactAttribute"/> for tests that need <see cref="CpuBurners"/>: skipped, with the reason shown in the
/// test results, where burners cannot run (not Unix). xUnit v2 has no dynamic skip.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CpuBurnersFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> to <see cref="CpuBurners.UnsupportedReason"/>.</summary>
    public CpuBurnersFactAttribute()
    {
        if (CpuBurners.UnsupportedReason is { } reason) Skip = reason;
    }
}
