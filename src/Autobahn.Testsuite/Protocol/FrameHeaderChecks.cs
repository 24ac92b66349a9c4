namespace Autobahn.Testsuite.Protocol;

/// <summary>
/// The ordered RFC 6455 / RFC 7692 checks on a received frame header, as autobahn's <c>processDataHybi</c> makes them
/// (protocol.py, v0.10.9), in one pure function per parsing stage. Each returns every rule the header breaks, in
/// autobahn's order: autobahn calls <c>protocolViolation</c> once per broken rule and, with <c>failByDrop=False</c>,
/// goes on checking, so a second violation finds the connection closing and drops it (the caller does the same).
/// </summary>
internal static class FrameHeaderChecks
{
    /// <summary>The checks on the first two octets (FIN, RSV, opcode, MASK, the 7-bit length code).</summary>
    /// <param name="fin">FIN bit.</param>
    /// <param name="rsv">RSV1–RSV3 as a 3-bit number.</param>
    /// <param name="opcode">The 4-bit opcode.</param>
    /// <param name="masked">MASK bit.</param>
    /// <param name="lengthField">The 7-bit length code.</param>
    /// <param name="context">What the receiver knows: role, permessage-deflate, an open fragmented message.</param>
    /// <returns>The violated rules' texts in check order; empty when the header is acceptable.</returns>
    public static IReadOnlyList<string> CheckFirstTwoOctets(bool fin, int rsv, int opcode, bool masked, int lengthField, FrameCheckContext context)
    {
        List<string>? violations = null;
        void Violate(string reason) => (violations ??= []).Add(reason);

        // RFC 6455 §5.2: RSV bits MUST be 0 unless an extension defines them; RFC 7692 §6: RSV1 marks a compressed message.
        var compressed = context.PermessageDeflate && rsv == 4;
        if (rsv != 0 && !compressed) Violate(FrameRules.RsvWithoutExtension(rsv));

        // RFC 6455 §5.1: a server MUST fail on an unmasked client frame; a client MUST fail on a masked server frame.
        if (context.ExpectMasked && !masked) Violate(FrameRules.UnmaskedClientFrame);
        if (!context.ExpectMasked && masked) Violate(FrameRules.MaskedServerFrame);

        if (Opcodes.IsControl(opcode))
        {
            // RFC 6455 §5.5.
            if (!fin) Violate(FrameRules.FragmentedControlFrame);
            if (lengthField > FrameRules.MaxControlPayload) Violate(FrameRules.ControlFrameTooLong);
            if (opcode is not (Opcodes.Close or Opcodes.Ping or Opcodes.Pong)) Violate(FrameRules.ReservedControlOpcode(opcode));
            if (opcode == Opcodes.Close && lengthField == 1) Violate(FrameRules.ClosePayloadLengthOne);
            if (compressed) Violate(FrameRules.CompressedControlFrame); // RFC 7692 §6.1
        }
        else
        {
            if (opcode is not (Opcodes.Continuation or Opcodes.Text or Opcodes.Binary)) Violate(FrameRules.ReservedDataOpcode(opcode));

            // RFC 6455 §5.4: fragments of one message are not interleaved with other data frames.
            if (!context.InsideMessage && opcode == Opcodes.Continuation) Violate(FrameRules.ContinuationOutsideMessage);
            if (context.InsideMessage && opcode != Opcodes.Continuation) Violate(FrameRules.DataFrameInsideMessage);
            if (compressed && context.InsideMessage) Violate(FrameRules.CompressedContinuation); // RFC 7692 §6.1
        }

        return violations ?? (IReadOnlyList<string>)[];
    }

    /// <summary>The checks on the extended payload length (RFC 6455 §5.2), once the whole header has arrived.</summary>
    /// <param name="lengthField">The 7-bit length code.</param>
    /// <param name="rawPayloadLength">The payload length as sent, unsigned.</param>
    public static IReadOnlyList<string> CheckLength(int lengthField, ulong rawPayloadLength)
    {
        List<string>? violations = null;
        if (lengthField == 127 && FrameRules.IsLengthTooLarge(rawPayloadLength)) (violations ??= []).Add(FrameRules.LengthTooLarge);
        if (FrameRules.IsNonMinimalLength(lengthField, rawPayloadLength)) (violations ??= []).Add(FrameRules.NonMinimalLength);
        return violations ?? (IReadOnlyList<string>)[];
    }
}
