using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// The small Markdown subset document bodies use — paragraphs, "## " headings, "- " lists, *emphasis* and
/// **strong** — rendered to HTML with every piece of text encoded first, so raw HTML in a body is shown as text.
/// The page's h1 is the document title, so the body's shallowest heading becomes h2 and deeper ones follow it without
/// skipping a level, whichever number of '#' the author typed.
/// </summary>
public static partial class SimpleMarkdown
{
    public static string ToHtml(string? markdown, HtmlEncoder encoder)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var html = new StringBuilder();
        var paragraph = new List<string>();
        var inList = false;
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var shallowest = lines
            .Select(l => Heading().Match(l.Trim()))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value.Length)
            .DefaultIfEmpty(1)
            .Min();
        var previousLevel = 1;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                FlushParagraph();
                if (!inList)
                {
                    html.Append("<ul>");
                    inList = true;
                }

                html.Append("<li>").Append(Inline(line[2..], encoder)).Append("</li>");
                continue;
            }

            CloseList();
            if (line.Length == 0)
            {
                FlushParagraph();
            }
            else if (Heading().Match(line) is { Success: true } heading)
            {
                FlushParagraph();
                var level = Math.Min(Math.Min(6, previousLevel + 1), heading.Groups[1].Value.Length - shallowest + 2);
                previousLevel = level;
                html.Append($"<h{level}>").Append(Inline(heading.Groups[2].Value, encoder)).Append($"</h{level}>");
            }
            else
            {
                paragraph.Add(line);
            }
        }

        CloseList();
        FlushParagraph();
        return html.ToString();

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p>").Append(Inline(string.Join(' ', paragraph), encoder)).Append("</p>");
                paragraph.Clear();
            }
        }

        void CloseList()
        {
            if (inList)
            {
                html.Append("</ul>");
                inList = false;
            }
        }
    }

    private static string Inline(string text, HtmlEncoder encoder)
    {
        var encoded = encoder.Encode(text);
        encoded = Strong().Replace(encoded, "<strong>$1</strong>");
        return Emphasis().Replace(encoded, "<em>$1</em>");
    }

    [GeneratedRegex(@"^(#{1,5})\s+(.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\*\*(\S(?:.*?\S)?)\*\*")]
    private static partial Regex Strong();

    [GeneratedRegex(@"\*(\S(?:.*?\S)?)\*")]
    private static partial Regex Emphasis();
}
