namespace Autobahn.Testsuite.Fuzzing;

/// <summary>
/// The fuzzer's <c>perMessageCompressionAccept</c> in the server role: which of the client's permessage-deflate offers
/// it accepts, and with what (<c>case12_x_x.py</c> v0.8.2 <c>SERVER_ACCEPT</c>; fuzzingserver-and-cli.md §A.6).
/// Chosen by <see cref="DeflateAcceptFunctions.Choose"/>.
/// </summary>
internal enum DeflateAccept
{
    /// <summary>The factory's default <c>lambda _: None</c>: every offer is declined (control endpoints, sections 1–10).</summary>
    DeclineAll,

    /// <summary>12.x <c>accept_deflate</c> (case12_x_x.py:216-219): the first offer, as offered.</summary>
    AcceptDeflate,

    /// <summary>13.1 <c>accept1</c>: the first offer, as offered.</summary>
    Accept1,

    /// <summary>13.2 <c>accept2</c>: the first offer that accepts no context takeover (always), requesting it.</summary>
    Accept2,

    /// <summary>13.3 <c>accept3</c>: the first offer with <c>client_max_window_bits</c>, requesting 9.</summary>
    Accept3,

    /// <summary>13.4 <c>accept4</c>: the first offer with <c>client_max_window_bits</c>, requesting 15.</summary>
    Accept4,

    /// <summary>13.5 <c>accept5</c>: the first offer with both, requesting no context takeover and 9.</summary>
    Accept5,

    /// <summary>13.6 <c>accept6</c>: the first offer with both, requesting no context takeover and 15.</summary>
    Accept6,

    /// <summary>13.7 <c>accept7</c>: <c>accept5</c>, else <c>accept2</c>, else <c>accept1</c>.</summary>
    Accept7,
}
