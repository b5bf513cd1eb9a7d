using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/ScholarshipAwards: the scholarships paid (recipient, country, course, amount, date).</summary>
public sealed class ScholarshipAwardsController(ScholarshipAwardRecords records, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : RecordsControllerBase<ScholarshipAwardInput, ScholarshipAwardFilter, ScholarshipAwardRow>(records, clock, text);
