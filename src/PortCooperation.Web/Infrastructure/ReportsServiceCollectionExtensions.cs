using PortCooperation.Web.Services.Reports;
using PortCooperation.Web.Services.Statistics;

namespace PortCooperation.Web.Infrastructure;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The executive report (staff area), the public statistics and their JSON API with its OpenAPI document.</summary>
    public static IServiceCollection AddPortalReports(this IServiceCollection services)
    {
        services.AddScoped<StatisticsReader>();
        services.AddOpenApi();
        services.AddScoped<ExecutiveReportReader>();
        services.AddScoped<ReportRecordsReader>();
        services.AddScoped<WordReportWriter>();
        services.AddPortalQuarterlyReport();
        return services;
    }
}
