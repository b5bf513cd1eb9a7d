using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data;

/// <summary>Seeds the staff roles (idempotent) and says how to create the first administrator.</summary>
public static class RoleSeeder
{
    public const string CreateAdminHint =
        "dotnet run --project src/PortCooperation.Web -- create-admin --email you@example.org (the password is read from PORTAL_ADMIN_PASSWORD, or prompted for)";

    public static async Task SeedAsync(IServiceProvider services, ILogger logger)
    {
        await EnsureRolesAsync(services);
        if (!await AnyActiveAdministratorAsync(services.GetRequiredService<PortalDbContext>()))
        {
            // The command sits in the template, not in a property: the log redaction would mask its example address.
            logger.LogWarning("No administrator account exists, so nobody can sign in to /Admin. Create one with: " + CreateAdminHint);
        }
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in Roles.All)
        {
            if (await roles.RoleExistsAsync(name))
            {
                continue;
            }

            try
            {
                var result = await roles.CreateAsync(new IdentityRole(name));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Role {name} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }
            }
            catch (DbUpdateException)
            {
                // Another instance starting at the same moment may have created it first.
                services.GetRequiredService<PortalDbContext>().ChangeTracker.Clear();
                if (!await roles.RoleExistsAsync(name))
                {
                    throw;
                }
            }
        }
    }

    public static Task<bool> AnyActiveAdministratorAsync(PortalDbContext db) =>
        (from userRole in db.UserRoles
         join role in db.Roles on userRole.RoleId equals role.Id
         join user in db.Users on userRole.UserId equals user.Id
         where role.Name == Roles.Administrator && !user.IsDisabled
         select userRole.UserId).AnyAsync();
}
