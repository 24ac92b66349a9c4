using System.Runtime.CompilerServices;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// How the v2 adapter hands a row's settings to <see cref="AutobahnRunner"/>. xUnit v2 has no test context, and the
/// row's only argument is its case id: so each row passes the test method a case id string instance of its own,
/// registered here with the row's <see cref="RowSettings"/>, and the runner looks the argument it is given up by
/// reference. Rows of different theories running the same case at the same time never see each other's settings; a
/// case id the test builds itself (<c>"2.2"</c>) is not a row's and gets the defaults.
/// </summary>
internal static class XunitRows
{
    private static readonly ConditionalWeakTable<string, RowSettings> Rows = new();

    /// <summary>The settings of the row whose argument <paramref name="caseId"/> is, or null.</summary>
    public static RowSettings? Find(string caseId) =>
        caseId is not null && Rows.TryGetValue(caseId, out var row) ? row : null;

    /// <summary>A new string equal to <paramref name="caseId"/>, registered with <paramref name="settings"/>: the row's argument.</summary>
    public static string Register(string caseId, RowSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentNullException.ThrowIfNull(settings);
        var argument = new string(caseId.AsSpan());
        Rows.Add(argument, settings);
        return argument;
    }

    /// <summary>Forgets a row's argument once the row has run.</summary>
    public static void Unregister(string argument) => Rows.Remove(argument);

    /// <summary>
    /// The exception that reports UNIMPLEMENTED: the row's message bus turns its failure into a skip
    /// (<see cref="UnimplementedAsSkippedMessageBus"/>); outside a row it fails the test and says why.
    /// </summary>
    public static Exception Unimplemented(string reason, bool inRow) => new UnimplementedCaseException(reason, inRow);
}
