using System.Globalization;
using Autobahn.Testsuite;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// How long a row's timers are (design.md, "Timing"): <see cref="FuzzingOptions.TimeScale"/> of the options the test
/// passes, times <see cref="AutobahnTheoryAttribute.TimeScale"/>, times <c>AUTOBAHN_TIME_SCALE</c>, times
/// <see cref="DebuggerFactor"/> while a debugger is attached. A pure function; the caller reads the environment.
/// </summary>
internal static class TimeScalePolicy
{
    /// <summary>The environment variable that scales every timer of a run, e.g. <c>3</c> on a slow build agent.</summary>
    public const string EnvironmentVariable = "AUTOBAHN_TIME_SCALE";

    /// <summary>
    /// The factor while a debugger is attached. wstest's longest timer is 5 s (opening handshake), most are 1 s or
    /// shorter: ×10 gives a second or ten to step through server code at a breakpoint before the fuzzer gives up,
    /// and a conformant server still only pays for the fixed waits (5.19, 5.20, 6.4.x: 10 s each instead of 1 s).
    /// </summary>
    public const double DebuggerFactor = 10;

    /// <summary>The effective time scale.</summary>
    /// <exception cref="ArgumentException">A factor is not a finite positive number, or the variable is not one.</exception>
    public static double Resolve(double optionsScale, double attributeScale, string? environmentValue, bool debuggerAttached)
    {
        Positive(optionsScale, $"{nameof(FuzzingOptions)}.{nameof(FuzzingOptions.TimeScale)}");
        Positive(attributeScale, $"{nameof(AutobahnTheoryAttribute)}.{nameof(AutobahnTheoryAttribute.TimeScale)}");
        var environment = 1.0;
        if (!string.IsNullOrWhiteSpace(environmentValue)
            && (!double.TryParse(environmentValue, NumberStyles.Float, CultureInfo.InvariantCulture, out environment) || !double.IsFinite(environment) || environment <= 0))
        {
            throw new ArgumentException($"{EnvironmentVariable}='{environmentValue}' is not a positive number (e.g. 2 or 0.5).");
        }

        return optionsScale * attributeScale * environment * (debuggerAttached ? DebuggerFactor : 1);
    }

    /// <summary><paramref name="options"/> (wstest's defaults when null) with the effective time scale.</summary>
    public static FuzzingOptions Apply(FuzzingOptions? options, double attributeScale, string? environmentValue, bool debuggerAttached)
    {
        options ??= FuzzingOptions.Default;
        var scale = Resolve(options.TimeScale, attributeScale, environmentValue, debuggerAttached);
        return scale == options.TimeScale ? options : options with { TimeScale = scale };
    }

    private static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0) throw new ArgumentException($"{name} must be a positive number, not {value.ToString(CultureInfo.InvariantCulture)}.");
    }
}
