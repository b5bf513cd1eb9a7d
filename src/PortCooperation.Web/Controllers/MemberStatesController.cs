using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Services.Places;

namespace PortCooperation.Web.Controllers;

/// <summary>The member-states directory and one page per country, addressed by its ISO 3166-1 alpha-2 code in lower case.</summary>
[Route("member-states")]
public sealed class MemberStatesController(MemberStatesReader reader) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Countries, CacheTags.PortNetwork, CacheTags.Library, CacheTags.Activities])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await reader.ReadDirectoryAsync(cancellationToken));

    [HttpGet("{code}")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Countries, CacheTags.PortNetwork, CacheTags.Library, CacheTags.Activities,
        CacheTags.Registrations, CacheTags.Scholarships, CacheTags.SpeakingEngagements, CacheTags.Organisations])]
    public async Task<IActionResult> Country(string code, CancellationToken cancellationToken)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetter))
        {
            return NotFound();
        }

        // Links use the lower-case code ("/member-states/pe"); the output cache keys paths case-insensitively, so
        // "/member-states/PE" is answered with the same page rather than a redirect that a cached entry would hide.
        var model = await reader.ReadCountryAsync(code, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
