using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace PortCooperation.Web.Infrastructure;

public static class LocalizationExtensions
{
    /// <summary>
    /// Resource-file localisation plus the request-culture rules: <c>?culture=es</c> (or <c>ui-culture</c>) first,
    /// then the culture cookie set by the language switcher, then on a registrant's private page the language of the
    /// registration, then the browser's Accept-Language; English otherwise.
    /// </summary>
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            CultureInfo[] cultures = [.. LocalizationCultures.Supported.Select(CultureInfo.GetCultureInfo)];
            options.DefaultRequestCulture = new RequestCulture(LocalizationCultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // Content-Language tells caches and crawlers which language this response is in.
            options.ApplyCurrentCultureToResponseHeaders = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new RegistrationLanguageCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Request localisation: English and Spanish, from query string, cookie and Accept-Language.</summary>
    public static WebApplication UsePortalLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }
}
