using Microsoft.AspNetCore.Mvc;

namespace PortCooperation.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    /// <summary>MVC with global antiforgery validation, request localisation (en, es) and view localisation.</summary>
    public static IServiceCollection AddPortalWeb(this IServiceCollection services)
    {
        services.AddControllersWithViews(mvc => mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddRazorPages();
        return services;
    }
}
