using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/PortSystems: port systems (name, country, UN/LOCODE) and the programme phase in which each joined.</summary>
public sealed class PortSystemsController(PortSystemRecords records, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : RecordsControllerBase<PortSystemInput, PortSystemFilter, PortSystemRow>(records, clock, text);
