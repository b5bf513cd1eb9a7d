using Microsoft.AspNetCore.Mvc;
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
}
