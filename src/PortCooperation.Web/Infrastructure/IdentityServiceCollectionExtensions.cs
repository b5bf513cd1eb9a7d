using Microsoft.AspNetCore.Identity;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Infrastructure;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Staff sign-in: ASP.NET Core Identity with the password, lockout and cookie rules of quality.md S4–S6.</summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders();
        return services;
    }
}
