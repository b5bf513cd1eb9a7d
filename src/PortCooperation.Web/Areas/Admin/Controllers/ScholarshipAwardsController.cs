using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/ScholarshipAwards: the scholarships paid (recipient, gender, country, course, amount, date), with a totals line.</summary>
public sealed class ScholarshipAwardsController(ScholarshipAwardRecords records, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : RecordsControllerBase<ScholarshipAwardInput, ScholarshipAwardFilter, ScholarshipAwardRow>(records, clock, text)
{
    public const string TotalsKey = "ScholarshipAwardTotals";

    [HttpGet]
    public override async Task<IActionResult> Index(ScholarshipAwardFilter filter, CancellationToken cancellationToken)
    {
        ViewData[TotalsKey] = await records.TotalsAsync(filter, cancellationToken);
        return await base.Index(filter, cancellationToken);
    }
}
