using System.Globalization;
using Autobahn.Testsuite.Cases;

namespace Autobahn.Testsuite.Tests.Cases;

/// <summary>Renders case steps as one short line each (nested continuations indented) so tests can compare whole scripts.</summary>
internal static class StepText
{
    public static string[] Of(IReadOnlyList<CaseStep> steps)
    {
        var lines = new List<string>();
        Append(steps, "", lines);
        return [.. lines];
    }

    /// <summary>Hex, or "xx*N" when all N bytes (N &gt; 8) are the same.</summary>
    public static string Bytes(byte[]? bytes) =>
        bytes is null ? "null"
        : bytes.Length > 8 && bytes.All(b => b == bytes[0]) ? $"{bytes[0]:x2}*{bytes.Length}"
        : Convert.ToHexStringLower(bytes);

    private static void Append(IReadOnlyList<CaseStep> steps, string indent, List<string> lines)
    {
        foreach (var step in steps)
        {
            switch (step)
            {
                case ContinueLater c:
                    lines.Add(indent + FormattableString.Invariant($"ContinueLater {c.Seconds} tag={c.Tag ?? "null"} record={c.RecordTimeoutWhenOpen}"));
                    Append(c.Then, indent + "  ", lines);
                    break;
                case WhenCompressionNegotiated w:
                    lines.Add(indent + "WhenCompressionNegotiated");
                    Append(w.Then, indent + "  ", lines);
                    break;
                default:
                    lines.Add(indent + Line(step));
                    break;
            }
        }
    }

    private static string Line(CaseStep step) => step switch
    {
        SendFrame f => FormattableString.Invariant($"Frame op={f.Opcode} fin={(f.Fin ? 1 : 0)} rsv={f.Rsv} payload={Bytes(f.Payload)}")
            + (f.PayloadLength is { } n ? FormattableString.Invariant($" len={n}") : "")
            + (f.ChopSize is { } chop ? FormattableString.Invariant($" chop={chop}") : "")
            + (f.Sync ? " sync" : ""),
        SendMessage m => $"Message {(m.IsBinary ? "binary" : "text")} payload={Bytes(m.Payload)}" + (m.FragmentSize is { } size ? FormattableString.Invariant($" fragment={size}") : ""),
        SendClose c => $"Close code={c.Code?.ToString(CultureInfo.InvariantCulture) ?? "null"} reason={c.Reason ?? "null"}",
        SendCloseFrame c => $"CloseFrame code={c.Code?.ToString(CultureInfo.InvariantCulture) ?? "null"} reason={Bytes(c.Reason)}",
        BeginStreamedFrame b => FormattableString.Invariant($"BeginStreamedFrame {b.Length}"),
        SendStreamedFrameData d => $"StreamedData {Bytes(d.Chunk)}",
        EndStreamedMessage => "EndStreamedMessage",
        KillAfter k => FormattableString.Invariant($"KillAfter {k.Seconds}"),
        CloseAfter c => FormattableString.Invariant($"CloseAfter {c.Seconds}"),
        SetAutoFragmentSize s => FormattableString.Invariant($"AutoFragmentSize {s.Size}"),
        SetWirelog w => $"Wirelog {(w.Enabled ? "on" : "off")}{(w.Logged ? " logged" : "")}",
        SendRoundTripMessage => "RoundTripMessage",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown step type."),
    };
}
