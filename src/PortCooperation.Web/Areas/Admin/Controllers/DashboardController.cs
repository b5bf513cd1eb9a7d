using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Services.Reports;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin: what is waiting for the secretariat, each count linking to the list that shows it.</summary>
public sealed class DashboardController(DashboardReader reader, ExecutiveReportReader report) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new DashboardViewModel
        {
            Counts = await reader.CountsAsync(cancellationToken),
            Recent = await reader.RecentAsync(cancellationToken),
            ReportWarnings = await report.ReadWarningsAsync(ReportScope.Everything, CultureInfo.CurrentUICulture, cancellationToken),
        });
}
