using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Participation: the participation entered for historical activities (totals and participating countries); no create or delete.</summary>
public sealed class ParticipationController(ParticipationRecords records, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : EditRecordsControllerBase<ParticipationInput, ParticipationFilter, ParticipationRow>(records, clock, text);
