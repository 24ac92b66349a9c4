using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autobahn.Xunit.Sdk;

/// <summary>Forwards the messages of one row, turning its "passed" into "skipped" when the row's context asks for it.</summary>
internal sealed class SkippingMessageBus(IMessageBus inner, AutobahnRowContext context) : IMessageBus
{
    /// <summary>How many passed tests were reported as skipped.</summary>
    public int SkippedCount { get; private set; }

    /// <inheritdoc />
    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestPassed passed && context.SkipReason is { } reason)
        {
            SkippedCount++;
            return inner.QueueMessage(new TestSkipped(passed.Test, reason));
        }

        return inner.QueueMessage(message);
    }

    /// <summary>Does nothing: the inner bus belongs to the caller.</summary>
    public void Dispose()
    {
    }
}
