using PortCooperation.Web.Services.Audit;

namespace PortCooperation.Web.Services.Staff;

public static class StaffServiceCollectionExtensions
{
    /// <summary>The staff area's services: the audit log (its interceptor is added to the DbContext by AddPortalDatabase) and list readers.</summary>
    public static IServiceCollection AddPortalStaff(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditInterceptor>();
        services.AddScoped<AuditLogReader>();
        return services;
    }
}
