namespace Autobahn.Xunit.Sdk;

/// <summary>
/// What an <see cref="AutobahnTheoryAttribute"/> row tells the runner about itself: its expectations, its time scale and
/// the theory run it belongs to. The adapter hands it over explicitly (<see cref="XunitRows.Find"/>), keyed by the row,
/// never through an ambient context; a case run outside a row has none and gets the defaults.
/// </summary>
internal sealed class RowSettings
{
    private readonly Lazy<CaseExpectations> expectations;

    /// <summary>Creates the settings of one row.</summary>
    /// <param name="expectations">Reads the row's <see cref="AutobahnExpectAttribute"/>s; called when the case concludes, so that an invalid declaration fails the row that uses it.</param>
    /// <param name="timeScale">The row's <see cref="AutobahnTheoryAttribute.TimeScale"/>.</param>
    /// <param name="theoryRun">The run of the theory the row belongs to.</param>
    public RowSettings(Func<CaseExpectations> expectations, double timeScale, TheoryRun theoryRun)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        ArgumentNullException.ThrowIfNull(theoryRun);
        this.expectations = new Lazy<CaseExpectations>(expectations);
        TimeScale = timeScale;
        TheoryRun = theoryRun;
    }

    /// <summary>The <see cref="AutobahnExpectAttribute"/>s of the row's method and class.</summary>
    public CaseExpectations Expectations => expectations.Value;

    /// <summary>The row's <see cref="AutobahnTheoryAttribute.TimeScale"/>.</summary>
    public double TimeScale { get; }

    /// <summary>The run of the theory the row belongs to.</summary>
    public TheoryRun TheoryRun { get; }
}
