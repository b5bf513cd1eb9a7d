using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Services.Places;

namespace PortCooperation.Web.Controllers;

/// <summary>The organisations the secretariat has done activities with, and a page per organisation.</summary>
[Route("partners")]
public sealed class PartnersController(PartnersReader reader) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Organisations, CacheTags.Activities, CacheTags.Countries])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await reader.ReadDirectoryAsync(cancellationToken));

    [HttpGet("{slug}")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Organisations, CacheTags.Activities, CacheTags.Countries])]
    public async Task<IActionResult> Partner(string slug, CancellationToken cancellationToken)
    {
        if (slug.Length > 200)
        {
            return NotFound();
        }

        var model = await reader.ReadPartnerAsync(slug, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
