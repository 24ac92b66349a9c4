namespace Autobahn.Reports.BrowserTests;

/// <summary>A fact that is reported as skipped, with the reason, where no Chromium is installed (never a silent pass).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when Chromium is absent.</summary>
    public ChromiumFactAttribute()
    {
        if (Chromium.SkipReason is { } reason) Skip = reason;
    }
}
