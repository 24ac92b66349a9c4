using System.Globalization;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// What is wrong with an Autobahn theory, found at discovery, a pure function of plain values: its
/// <see cref="AutobahnTheoryAttribute"/> settings, its <see cref="AutobahnCasesAttribute"/>s (a pattern that is invalid or
/// selects nothing) and its <see cref="AutobahnExpectAttribute"/>s (one that is invalid, or two that conflict for a
/// selected case). Each adapter reports the error its own way: one test that fails with it.
/// </summary>
internal static class TheoryValidation
{
    /// <summary>The first error of the theory, or null when there is none.</summary>
    /// <param name="concurrency"><see cref="AutobahnTheoryAttribute.Concurrency"/>.</param>
    /// <param name="timeScale"><see cref="AutobahnTheoryAttribute.TimeScale"/>.</param>
    /// <param name="cases">The patterns and <c>Exclude</c> of each <see cref="AutobahnCasesAttribute"/>, in order.</param>
    /// <param name="expectations">Reads the expectations of the theory's method and class; may throw <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/>.</param>
    public static string? Validate(
        int concurrency,
        double timeScale,
        IEnumerable<(IReadOnlyList<string> Patterns, string? Exclude)> cases,
        Func<CaseExpectations> expectations)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(expectations);
        if (concurrency < 0) return $"Concurrency = {concurrency}: use 0 (default), 1 (one case at a time) or more.";
        if (!double.IsFinite(timeScale) || timeScale <= 0) return $"TimeScale = {timeScale.ToString(CultureInfo.InvariantCulture)}: use a positive number (1 is wstest's timing).";

        var selected = new List<string>();
        foreach (var (patterns, exclude) in cases)
        {
            try
            {
                var ids = CasePatterns.Resolve(patterns, exclude);
                if (ids.Count == 0) return $"{CasePatterns.Describe(patterns, exclude)} selects no implemented case.";
                selected.AddRange(ids.Select(id => id.Text));
            }
            catch (Exception e)
            {
                return $"{CasePatterns.Describe(patterns, exclude)}: {e.Message}";
            }
        }

        try
        {
            var declared = expectations();
            foreach (var id in selected) _ = declared.For(id);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return e.Message;
        }

        return null;
    }
}
