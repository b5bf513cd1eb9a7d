using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Organisations: partners and other organisations (names in both languages, kind, website, slug).</summary>
public sealed class OrganisationsController(OrganisationRecords records, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : RecordsControllerBase<OrganisationInput, OrganisationFilter, OrganisationRow>(records, clock, text);
