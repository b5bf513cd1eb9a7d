using System.Globalization;
using AngleSharp.Html.Dom;

namespace PortCooperation.IntegrationTests.Reports;

/// <summary>Reads the machine-readable figure rows of the report page (data-current / data-previous, invariant numbers).</summary>
internal static class ReportPage
{
    public static decimal Current(IHtmlDocument page, string key) => Value(page, key, "data-current");

    public static decimal Previous(IHtmlDocument page, string key) => Value(page, key, "data-previous");

    private static decimal Value(IHtmlDocument page, string key, string attribute) =>
        decimal.Parse(page.QuerySelector($"tr[data-figure='{key}']")!.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
