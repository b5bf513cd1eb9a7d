using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Services.Statistics;

namespace PortCooperation.Web.Controllers;

/// <summary>
/// The statistics as read-only JSON (/api/statistics/…), described by the OpenAPI document at /openapi/v1.json.
/// Labels follow the request's language (?culture=es); keys (years, ISO codes, slugs) never change.
/// </summary>
[ApiController]
[Route("api/statistics")]
[Produces("application/json")]
public sealed class StatisticsApiController(StatisticsReader reader) : ControllerBase
{
    /// <summary>Scholarships by year, region, member state and gender (count and USD).</summary>
    [HttpGet("scholarships")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Scholarships, CacheTags.Countries])]
    public Task<StatisticsPage> Scholarships(CancellationToken cancellationToken) =>
        reader.ReadAsync(StatisticsReader.Scholarships, cancellationToken);

    /// <summary>Participants in webinars and courses by year, and the activities each country took part in.</summary>
    [HttpGet("participation")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Activities, CacheTags.Registrations, CacheTags.Countries])]
    public Task<StatisticsPage> Participation(CancellationToken cancellationToken) =>
        reader.ReadAsync(StatisticsReader.Participation, cancellationToken);

    /// <summary>Published best-practice documents by region and by topic.</summary>
    [HttpGet("documents")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Library, CacheTags.Countries])]
    public Task<StatisticsPage> Documents(CancellationToken cancellationToken) =>
        reader.ReadAsync(StatisticsReader.Documents, cancellationToken);
}
