namespace Autobahn.Reports.BrowserTests;

/// <summary>
/// The system's Chromium, driven by Playwright without any browser download: Debian's <c>chromium</c> package
/// (<c>apt-get install -y chromium</c>) at <c>/usr/bin/chromium</c>, or the browser named by <c>AUTOBAHN_CHROMIUM</c>.
/// </summary>
internal static class Chromium
{
    /// <summary>Names another Chromium executable.</summary>
    public const string Variable = "AUTOBAHN_CHROMIUM";

    /// <summary>The executable the tests launch.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Whether the executable exists.</summary>
    public static bool IsAvailable => File.Exists(ExecutablePath);

    /// <summary>Why the browser tests are skipped, or null when they run.</summary>
    public static string? SkipReason => IsAvailable
        ? null
        : $"Chromium not found at {ExecutablePath}: install Debian's package (apt-get install -y chromium) or set {Variable}.";
}
