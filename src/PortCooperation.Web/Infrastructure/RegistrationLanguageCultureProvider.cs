using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;

namespace PortCooperation.Web.Infrastructure;

/// <summary>
/// A registrant's private link (/registrations/{token}/…) opens in the language of the registration, whatever the
/// browser prefers: the link in a Spanish mail must not open in English. A language picked on the site (query or
/// cookie) is asked first and still wins.
/// </summary>
public sealed class RegistrationLanguageCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/registrations", StringComparison.OrdinalIgnoreCase, out var rest)
            || rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is not [var token, ..]
            || token.Length > 200)
        {
            return null;
        }

        var db = httpContext.RequestServices.GetRequiredService<PortalDbContext>();
        var language = await db.Registrations.AsNoTracking()
            .Where(r => r.AccessToken == token && r.AnonymisedAtUtc == null)
            .Select(r => r.Language)
            .FirstOrDefaultAsync(httpContext.RequestAborted);
        return LocalizationCultures.IsSupported(language) ? new ProviderCultureResult(language) : null;
    }
}
