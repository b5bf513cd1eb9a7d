using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PortCooperation.Web.Services.Statistics;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG: no script and no inline style (CSP), colours from
/// statistics.css classes. Each row is a label line with its bars underneath, so long country names never collide
/// with the bars. The SVG is an image with a title and a description; the figures themselves are in the data
/// table that the page puts beside it.
/// The SVG has no viewBox: its units are CSS pixels and the bars are percentages of its width, so the text keeps
/// its stylesheet size on a 320 px phone instead of shrinking with a scaled drawing (13 px became 6 px there).
/// </summary>
public static class SvgBarChart
{
    private const int LabelHeight = 18;
    private const int BarHeight = 14;
    private const int BarGap = 3;
    private const int RowGap = 12;
    private const int LegendLine = 20;

    /// <summary>The longest bar, in percent of the chart's width; the rest is room for its value.</summary>
    private const decimal LongestBar = 78m;

    public static IHtmlContent Render(Dataset dataset, string description, CultureInfo culture)
    {
        var encoder = HtmlEncoder.Default;
        var series = Math.Min(dataset.ChartedColumns, dataset.Columns.Count);
        var rowHeight = LabelHeight + series * (BarHeight + BarGap) + RowGap;
        var legendHeight = series > 1 ? series * LegendLine + 6 : 0;
        var height = Math.Max(40, legendHeight + dataset.Rows.Count * rowHeight);
        var max = dataset.Rows.SelectMany(r => r.Values.Take(series)).DefaultIfEmpty(0m).Max();
        var titleId = $"chart-{dataset.Id}-title";
        var descriptionId = $"chart-{dataset.Id}-desc";

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" width=\"100%\" height=\"{height}\" role=\"img\" aria-labelledby=\"{titleId} {descriptionId}\" xmlns=\"http://www.w3.org/2000/svg\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{encoder.Encode(dataset.Title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{descriptionId}\">{encoder.Encode(description)}</desc>");
        if (series > 1)
        {
            // One legend line per series: side by side they overlapped on a phone.
            for (var s = 0; s < series; s++)
            {
                var y = 4 + s * LegendLine;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart__bar chart__bar--{s}\" x=\"0\" y=\"{y}\" width=\"14\" height=\"14\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__legend\" x=\"20\" y=\"{y + 12}\">{encoder.Encode(dataset.ColumnTitles[s])}</text>");
            }
        }

        for (var i = 0; i < dataset.Rows.Count; i++)
        {
            var row = dataset.Rows[i];
            var top = legendHeight + i * rowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__label\" x=\"0\" y=\"{top + 13}\">{encoder.Encode(row.Label)}</text>");
            for (var s = 0; s < series; s++)
            {
                var y = top + LabelHeight + s * (BarHeight + BarGap);
                var value = row.Values[s];
                var percent = max <= 0 ? 0m : Math.Max(value > 0 ? 0.2m : 0m, value / max * LongestBar);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"chart__bar chart__bar--{s}\" x=\"0\" y=\"{y}\" width=\"{Px(percent)}%\" height=\"{BarHeight}\" data-value=\"{Px(value)}\"/>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"chart__value\" x=\"{Px(percent)}%\" dx=\"6\" y=\"{y + 11}\">{encoder.Encode(value.ToString("N0", culture))}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Px(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
