using System.Globalization;
using AngleSharp.Html.Dom;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Reports;

/// <summary>Reads the machine-readable figure rows of the report page (data-current / data-previous, invariant numbers).</summary>
internal static class ReportPage
{
    /// <summary>A new editor account signed in through the real form on a new client.</summary>
    public static Task<HttpClient> StaffClientAsync(this PortalFactory factory) =>
        factory.SignedInClientAsync($"staff-{Guid.NewGuid():N}@example.org", Roles.Editor);

    public static decimal Current(IHtmlDocument page, string key) => Value(page, key, "data-current");

    public static decimal Previous(IHtmlDocument page, string key) => Value(page, key, "data-previous");

    private static decimal Value(IHtmlDocument page, string key, string attribute) =>
        decimal.Parse(page.QuerySelector($"tr[data-figure='{key}']")!.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
