namespace PortCooperation.Web.Services.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>First-party analytics: the request-side buffer, the batch writer and the reader.</summary>
    public static IServiceCollection AddPortalAnalytics(this IServiceCollection services)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.SectionName);
        services.AddSingleton<PageViewBuffer>();
        services.AddSingleton<CountryResolver>();
        services.AddSingleton<PageViewWriter>();
        services.AddHostedService<PageViewWriterService>();
        services.AddScoped<AnalyticsReader>();
        return services;
    }

    /// <summary>Before the output cache, so that pages served from the cache are counted too.</summary>
    public static IApplicationBuilder UsePortalAnalytics(this IApplicationBuilder app) => app.UseMiddleware<PageViewMiddleware>();
}
