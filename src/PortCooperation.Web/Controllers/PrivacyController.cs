using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Models.Privacy;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.Web.Controllers;

/// <summary>The privacy notice registrants consent to, with the version and retention the portal really applies.</summary>
[Route("privacy")]
public sealed class PrivacyController(IOptions<RegistrationOptions> options) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public IActionResult Index() => View(new PrivacyPageModel
    {
        Version = options.Value.PrivacyNoticeVersion,
        RetentionDays = options.Value.RetentionDays,
        Contact = options.Value.PrivacyContact,
    });
}
