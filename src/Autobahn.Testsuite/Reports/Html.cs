using System.Text;

namespace Autobahn.Testsuite.Reports;

/// <summary>
/// HTML text for the reports. wstest pastes everything into its pages as it is (<c>ATS fuzzing.py</c>
/// <c>createAgentCaseReportHTML</c>), so a server's close reason or <c>Server</c> header becomes markup there; here
/// every value is escaped, and only the case catalog's own <c>&lt;b&gt;</c>/<c>&lt;br&gt;</c> survive in its texts.
/// </summary>
internal static class Html
{
    /// <summary>
    /// The Content-Security-Policy of every page: nothing may be loaded or run (no script, image, font, frame or
    /// connection), only the page's own inline CSS applies. A second line of defence behind <see cref="Escape"/>.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; connect-src 'none'; " +
        "font-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Escapes text for an HTML text node or a quoted attribute value.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\0': builder.Append('\uFFFD'); break; // what an HTML parser makes of it anyway
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A description or expectation from the case catalog (wstest's <c>DESCRIPTION</c>/<c>EXPECTATION</c>, which
    /// contain <c>&lt;b&gt;</c>, <c>&lt;/b&gt;</c> and <c>&lt;br&gt;</c>): escaped, then exactly those three tags restored.
    /// </summary>
    public static string CaseText(string text) =>
        Escape(text)
            .Replace("&lt;b&gt;", "<b>", StringComparison.Ordinal)
            .Replace("&lt;/b&gt;", "</b>", StringComparison.Ordinal)
            .Replace("&lt;br&gt;", "<br>", StringComparison.Ordinal);

    /// <summary>The common head of every page: charset, CSP, no referrer, the title and the inline style sheet.</summary>
    public static void Head(StringBuilder builder, string title, string css)
    {
        builder.Append("<!DOCTYPE html>\n<html lang=\"en\">\n   <head>\n");
        builder.Append("      <meta charset=\"utf-8\" />\n");
        builder.Append("      <meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\" />\n");
        builder.Append("      <meta name=\"referrer\" content=\"no-referrer\" />\n");
        builder.Append("      <title>").Append(Escape(title)).Append("</title>\n");
        builder.Append("      <style>").Append(css).Append("</style>\n");
        builder.Append("   </head>\n");
    }
}
