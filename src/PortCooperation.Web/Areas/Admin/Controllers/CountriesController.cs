using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Countries: member status, region and names of the reference countries.</summary>
public sealed class CountriesController(CountryRecords records, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : RecordsControllerBase<CountryInput, CountryFilter, CountryRow>(records, clock, text);
