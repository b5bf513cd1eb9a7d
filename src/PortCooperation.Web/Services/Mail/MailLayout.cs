using System.Net;
using System.Text;

namespace PortCooperation.Web.Services.Mail;

/// <summary>
/// The one layout of every mail the portal sends: the recipient's language on the document, the subject as its
/// title, one set of inline styles (mail programs drop style sheets), the letterhead above and the line saying why the
/// mail came below. A mail adds its blocks in between; <see cref="Render"/> gives the plain-text and the HTML
/// alternative with the same content. Every piece of text is HTML-encoded here, so a composer cannot forget to.
/// It needs no request, since most mails are written by background jobs.
/// </summary>
public sealed class MailLayout(MailText text)
{
    private const string Muted = "color:#4a5868";

    private readonly StringBuilder _plain = new();
    private readonly StringBuilder _html = new();

    /// <summary>One paragraph; empty lines are left out.</summary>
    public MailLayout Paragraph(params string?[] lines)
    {
        var present = lines.Where(l => !string.IsNullOrEmpty(l)).Select(l => l!).ToList();
        foreach (var line in present)
        {
            _plain.AppendLine(line);
        }

        _plain.AppendLine();
        _html.Append("<p>").AppendJoin("<br>", present.Select(E)).Append("</p>");
        return this;
    }

    /// <summary>A paragraph under a bold label, e.g. a note staff added.</summary>
    public MailLayout Labelled(string label, string value)
    {
        _plain.AppendLine(label).AppendLine(value).AppendLine();
        _html.Append("<p><strong>").Append(E(label)).Append("</strong><br>").Append(E(value)).Append("</p>");
        return this;
    }

    /// <summary>A link (written out in the plain text) with an optional line below it.</summary>
    public MailLayout Link(string label, string url, string? note = null)
    {
        _plain.AppendLine(label + ": " + url);
        _html.Append("<p><a href=\"").Append(E(url)).Append("\">").Append(E(label)).Append("</a>");
        if (!string.IsNullOrEmpty(note))
        {
            _plain.AppendLine(note);
            _html.Append("<br>").Append(E(note));
        }

        _plain.AppendLine();
        _html.Append("</p>");
        return this;
    }

    /// <summary>Text someone typed: a paragraph per blank-line-separated part, its line breaks kept.</summary>
    public MailLayout FreeText(string value)
    {
        _plain.AppendLine(value).AppendLine();
        foreach (var part in value.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            _html.Append("<p>").Append(E(part).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        return this;
    }

    public MailLayout Heading(string heading)
    {
        _plain.AppendLine(heading).AppendLine();
        _html.Append("<h1 style=\"color:#0b2d4f;font-size:22px\">").Append(E(heading)).Append("</h1>");
        return this;
    }

    /// <summary>A block the mail writes itself (a table of figures): <paramref name="html"/> must already be encoded.</summary>
    public MailLayout Block(string html, string plain)
    {
        _plain.Append(plain);
        _html.Append(html);
        return this;
    }

    /// <summary>The plain text and the HTML document, titled <paramref name="title"/>, ending with <paramref name="footnote"/>.</summary>
    public (string Text, string Html) Render(string title, string footnote)
    {
        var letterhead = text["Mail_Letterhead"];
        var plain = new StringBuilder().AppendLine(letterhead).AppendLine().Append(_plain).AppendLine(footnote).ToString();
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(text.Culture.TwoLetterISOLanguageName).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width\"><title>").Append(E(title)).Append("</title></head>")
            .Append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#1d2733;line-height:1.5\"><div style=\"max-width:640px\">")
            .Append("<p class=\"mail-header\" style=\"").Append(Muted).Append(";margin:0\">").Append(E(letterhead)).Append("</p>")
            .Append(_html)
            .Append("<p class=\"mail-footer\" style=\"").Append(Muted).Append(";font-size:12px\">").Append(E(footnote)).Append("</p>")
            .Append("</div></body></html>")
            .ToString();
        return (plain, html);
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
