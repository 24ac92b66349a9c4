using Xunit;
using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// How the v3 adapter hands a row's settings to <see cref="AutobahnRunner"/>: xUnit v3's own test context says which
/// test is running on this flow, so a call belongs to a row when the current test case is an Autobahn row whose case id
/// is the one being run. Anything else — a plain <c>[Fact]</c>, another case id than the row's — gets the defaults.
/// </summary>
internal static class XunitRows
{
    /// <summary>The settings of the Autobahn row running <paramref name="caseId"/> on this flow, or null outside a row.</summary>
    public static RowSettings? Find(string caseId)
    {
        if (caseId is null || TestContext.Current.TestCase is not AutobahnTestCase row || !string.Equals(row.CaseId, caseId, StringComparison.Ordinal))
        {
            return null;
        }

        var method = row.TestMethod;
        return new RowSettings(
            () => CaseExpectations.For(method.Method, method.TestClass.Class),
            row.Theory?.TimeScale ?? 1,
            row.TheoryRun ?? TheoryRun.ForProcess(method.UniqueID));
    }

    /// <summary>
    /// The exception that reports UNIMPLEMENTED. In a row: xUnit v3's dynamic skip, with the reason. Outside a row it
    /// fails the test and says why, as the v2 adapter does, so that both adapters judge a call the same way.
    /// </summary>
    public static Exception Unimplemented(string reason, bool inRow) =>
        inRow ? SkipException.ForSkip(reason) : new XunitException(UnimplementedText.OutsideRowMessage(reason));
}
