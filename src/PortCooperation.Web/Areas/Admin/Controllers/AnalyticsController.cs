using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Reports;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Services.Analytics;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Analytics: the portal's own page-view figures for any period (the report's "portal usage" reader).</summary>
public sealed class AnalyticsController(AnalyticsReader reader, TimeProvider clock) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(AnalyticsInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new AnalyticsPageModel { Input = new AnalyticsInput(), Error = "Analytics_Error_Date" });
        }

        var period = input.Resolve(AnalyticsClock.Day(clock.GetUtcNow().UtcDateTime), out var error);
        if (period is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new AnalyticsPageModel { Input = input, Error = error });
        }

        return View(new AnalyticsPageModel { Input = input, Summary = await reader.ReadAsync(period, cancellationToken) });
    }

    /// <summary>The period's top countries as CSV: ISO code, name in the visitor's language, visitors and views.</summary>
    [HttpGet]
    public async Task<IActionResult> Countries(AnalyticsInput input, [FromServices] IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var period = ModelState.IsValid ? input.Resolve(AnalyticsClock.Day(clock.GetUtcNow().UtcDateTime), out _) : null;
        if (period is null)
        {
            return BadRequest();
        }

        var summary = await reader.ReadAsync(period, cancellationToken);
        var csv = new CsvWriter().Row(CsvWriter.Text(text["Analytics_Csv_Code"]), CsvWriter.Text(text["Analytics_Column_Country"]),
            CsvWriter.Text(text["Analytics_Visitors"]), CsvWriter.Text(text["Analytics_Views"]));
        foreach (var row in summary.Countries)
        {
            csv.Row(CsvWriter.Text(row.Label), CsvWriter.Text(row.Name), CsvWriter.Number(row.Visitors), CsvWriter.Number(row.Views));
        }

        return File(csv.ToBytes(), "text/csv; charset=utf-8",
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"analytics-countries-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv"));
    }
}
