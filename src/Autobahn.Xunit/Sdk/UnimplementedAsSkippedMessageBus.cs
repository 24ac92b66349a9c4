using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// Forwards the messages of one Autobahn row, reporting a failure by <see cref="UnimplementedCaseException"/> as
/// skipped with the exception's message, and the row's <see cref="ITestCaseFinished"/> counting it so: xUnit v2's way to a
/// dynamic skip (the <c>SkippableFact</c> sample).
/// </summary>
internal sealed class UnimplementedAsSkippedMessageBus(IMessageBus inner) : IMessageBus
{
    private static readonly string SkipExceptionType = typeof(UnimplementedCaseException).FullName!;
    private static readonly string OutsideRowLine = "\n" + UnimplementedText.OutsideRow;

    /// <summary>How many failed tests were reported as skipped.</summary>
    public int SkippedCount { get; private set; }

    /// <inheritdoc />
    public bool QueueMessage(IMessageSinkMessage message)
    {
        // Not when the call was not the row's (the test passed a case id string of its own): it ran outside any row,
        // and its message (UnimplementedText.OutsideRow) says that it fails, so it must fail.
        if (message is ITestFailed failed && failed.ExceptionTypes is [var type, ..] && type == SkipExceptionType
            && !failed.Messages[0].EndsWith(OutsideRowLine, StringComparison.Ordinal))
        {
            SkippedCount++;
            return inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages[0]));
        }

        // The row's own summary message counts what the runner saw (a failure); report the skip there too.
        if (message is ITestCaseFinished finished && SkippedCount > 0)
        {
            return inner.QueueMessage(new TestCaseFinished(
                finished.TestCase, finished.ExecutionTime, finished.TestsRun, finished.TestsFailed - SkippedCount, finished.TestsSkipped + SkippedCount));
        }

        return inner.QueueMessage(message);
    }

    /// <summary>Does nothing: the inner bus belongs to the caller.</summary>
    public void Dispose()
    {
    }
}
