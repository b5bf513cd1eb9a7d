using System.Net;
using System.Text;
using PortCooperation.Web.Services.Mail;

namespace PortCooperation.Web.Services.Reports;

/// <summary>
/// The key figures of the executive report as the quarterly mail's body shows them: one table per section of the
/// report that has figures, in the report's order, each value beside the one it is compared with; and the same as
/// plain text.
/// </summary>
public static class ReportMailSummary
{
    public static void Append(StringBuilder plain, StringBuilder html, ExecutiveReport report, MailText text)
    {
        var culture = text.Culture;
        foreach (var section in report.Sections.Where(s => s.InMail && s.Figures.Count > 0))
        {
            var heading = text.Format(section.HeadingKey, section.HeadingArguments(culture));
            var (now, before) = (section.Shown.ShortLabel(culture), section.ComparedWith.ShortLabel(culture));
            plain.AppendLine(heading);
            html.Append("<table style=\"border-collapse:collapse;width:100%;margin:0 0 16px\"><caption style=\"text-align:left;font-weight:bold;color:#0b2d4f;padding:4px 0\">")
                .Append(E(heading)).Append("</caption><thead><tr>")
                .Append(Th(text["Report_Column_Indicator"], left: true)).Append(Th(now)).Append(Th(before))
                .Append("</tr></thead><tbody>");
            foreach (var figure in section.Figures)
            {
                var name = text[figure.ResourceKey];
                var current = Value(figure, figure.Current, figure.CurrentIsAtLeast);
                var previous = figure.IsComparable ? Value(figure, figure.Previous, figure.PreviousIsAtLeast) : text["Report_NoComparison"];
                plain.Append("  ").Append(name).Append(": ").Append(current).Append(" (").Append(before).Append(": ").Append(previous).AppendLine(")");
                html.Append("<tr data-figure=\"").Append(E(figure.Key)).Append("\"><th scope=\"row\" style=\"text-align:left;font-weight:normal;border-top:1px solid #d5dbe3;padding:4px\">")
                    .Append(E(name)).Append("</th>").Append(Td(current)).Append(Td(previous)).Append("</tr>");
            }

            plain.AppendLine();
            html.Append("</tbody></table>");
        }

        string Value(Figure f, decimal v, bool atLeast) =>
            (atLeast ? text["Report_AtLeast"] + " " : "") + (f.IsMoney ? "USD " + v.ToString("N0", culture) : v.ToString("N0", culture));
    }

    private static string Th(string value, bool left = false) =>
        $"<th scope=\"col\" style=\"text-align:{(left ? "left" : "right")};padding:4px;border-bottom:2px solid #0b2d4f\">{E(value)}</th>";

    private static string Td(string value) => $"<td style=\"text-align:right;border-top:1px solid #d5dbe3;padding:4px\">{E(value)}</td>";

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
