using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Services.Places;

namespace PortCooperation.Web.Controllers;

/// <summary>The port network: programmes, their phases and the port systems linked in each phase, by country.</summary>
[Route("port-network")]
public sealed class PortNetworkController(PortNetworkReader reader) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.PortNetwork, CacheTags.Countries, CacheTags.Organisations])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await reader.ReadAsync(cancellationToken));
}
