namespace PortCooperation.Web.Services.Activities;

public static class ActivityServiceCollectionExtensions
{
    /// <summary>The readers behind the public activity pages, feed and sitemap.</summary>
    public static IServiceCollection AddPortalActivities(this IServiceCollection services)
    {
        services.AddScoped<ActivityListReader>();
        services.AddScoped<ActivityCalendarReader>();
        services.AddScoped<ActivityDetailReader>();
        services.AddScoped<Discovery.SitemapReader>();
        return services;
    }
}
