using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>
/// Forwards the messages of one Autobahn row, reporting a failure by <see cref="UnimplementedCaseException"/> as
/// skipped with the exception's message: xUnit v2's way to a dynamic skip (the <c>SkippableFact</c> sample).
/// </summary>
internal sealed class UnimplementedAsSkippedMessageBus(IMessageBus inner) : IMessageBus
{
    private static readonly string SkipExceptionType = typeof(UnimplementedCaseException).FullName!;

    /// <summary>How many failed tests were reported as skipped.</summary>
    public int SkippedCount { get; private set; }

    /// <inheritdoc />
    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && failed.ExceptionTypes is [var type, ..] && type == SkipExceptionType)
        {
            SkippedCount++;
            return inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages[0]));
        }

        return inner.QueueMessage(message);
    }

    /// <summary>Does nothing: the inner bus belongs to the caller.</summary>
    public void Dispose()
    {
    }
}
