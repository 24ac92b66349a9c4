namespace Autobahn.Wstest.Tool.Cli;

/// <summary>
/// A usage or spec error: the message is printed as one line (no stack trace) and <c>wstest</c> exits with
/// <see cref="ExitCodes.UsageError"/>.
/// </summary>
internal sealed class UsageException : Exception
{
    /// <summary>Creates the error with its one-line message.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its one-line message and the exception behind it.</summary>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error with a generic message.</summary>
    public UsageException()
        : base("usage error")
    {
    }
}
