using Autobahn.Testsuite.Cases;
using Autobahn.Testsuite.Compression;
using Autobahn.Testsuite.Compression.DataSets;

namespace Autobahn.Testsuite.Fuzzing.Echo;

/// <summary>
/// The self-judging echo checks of sections 9, 12 and 13 (<c>case9_1_1.py</c>, <c>case9_7_X.py</c>,
/// <c>case12_x_x.py</c>), built from the catalog's echo record: each sends its messages and judges every echo.
/// </summary>
internal abstract class EchoJudge
{
    /// <summary>Messages sent so far.</summary>
    public int Sent { get; protected set; }

    /// <summary>The result a case reports until it has judged its echoes (it starts out FAILED).</summary>
    public abstract string InitialResult { get; }

    /// <summary>Judges one echoed message.</summary>
    public abstract EchoDecision Judge(byte[] payload, bool isBinary);

    /// <summary>Sends the next message.</summary>
    public abstract void SendNext(FrameSender sender);

    /// <summary>The judge for a catalog echo record.</summary>
    public static EchoJudge For(EchoCheck check, CompressionDataSet? dataSet) => check switch
    {
        SingleEchoCheck single => new SingleEchoJudge(single),
        RoundTripCheck roundTrip => new RoundTripJudge(roundTrip),
        CompressedRoundTripCheck compressed => new CompressedEchoJudge(compressed, dataSet!),
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, "Unknown echo check."),
    };

    /// <summary>A bool as Python prints it in wstest's result texts.</summary>
    protected static string Python(bool value) => value ? "True" : "False";
}
