using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/SpeakingEngagements: the secretariat speaking at others' events (title and notes in both languages, organiser, date, speaker, audience).</summary>
public sealed class SpeakingEngagementsController(SpeakingEngagementRecords records, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : RecordsControllerBase<SpeakingEngagementInput, SpeakingEngagementFilter, SpeakingEngagementRow>(records, clock, text);
