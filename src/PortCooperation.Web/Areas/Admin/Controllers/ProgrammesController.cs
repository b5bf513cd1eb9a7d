using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Programmes: programmes and their phases (names in both languages, lead organisation, phases with order, label, years and descriptions).</summary>
public sealed class ProgrammesController(ProgrammeRecords records, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : RecordsControllerBase<ProgrammeInput, ProgrammeFilter, ProgrammeRow>(records, clock, text);
