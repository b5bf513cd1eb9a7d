using PortCooperation.Web.Services.Reports;

namespace PortCooperation.Web.Infrastructure;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The executive report (staff area) and the readers behind it.</summary>
    public static IServiceCollection AddPortalReports(this IServiceCollection services)
    {
        services.AddScoped<ExecutiveReportReader>();
        services.AddScoped<ReportRecordsReader>();
        services.AddScoped<WordReportWriter>();
        return services;
    }
}
