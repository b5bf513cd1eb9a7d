using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Accounts;
using PortCooperation.Web.Services.Activities;
using PortCooperation.Web.Services.Analytics;
using PortCooperation.Web.Services.Content;
using PortCooperation.Web.Services.Registrations;
using PortCooperation.Web.Services.Staff;
using PortCooperation.Web.Services.Staff.Records;
using PortCooperation.Web.Services.Places;

namespace PortCooperation.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    /// <summary>MVC with global antiforgery validation, request localisation (en, es) and view localisation.</summary>
    public static IServiceCollection AddPortalWeb(this IServiceCollection services)
    {
        // No "Server: Kestrel" on every response: it tells a prober nothing it needs.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddPortalLocalization();
        services.AddControllersWithViews(mvc =>
            {
                mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                mvc.Filters.Add(new UnreadableRequestBodyFilter());
            })
            .AddViewLocalization()
            // Validation messages of every form come from the one shared resource file.
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddPortalOutputCache();
        services.AddPortalCompression();

        // "Now" for every page that depends on it; tests replace it to place the clock anywhere.
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<HomePageReader>();
        services.AddPortalLibrary();
        services.AddPortalReports();
        services.AddPortalRegistrations();
        services.AddPortalStaff();
        services.AddPortalPlaces();
        services.AddPortalActivities();
        services.AddPortalAnalytics();
        services.AddPortalStaffRecords();
        // New areas: one line each, appended here.
        services.AddPortalRegistrationJobs();
        services.AddPortalStaffDocs();
        services.AddPortalAccounts();
        return services;
    }
}
