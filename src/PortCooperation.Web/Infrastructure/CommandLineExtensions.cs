using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Infrastructure.Operations;

namespace PortCooperation.Web.Infrastructure;

/// <summary>
/// Maintenance commands run instead of the web server: <c>dotnet run -- migrate</c>,
/// <c>dotnet run -- create-admin --email you@example.org</c>.
/// </summary>
public static class CommandLineExtensions
{
    public static async Task<bool> RunCommandIfRequestedAsync(this WebApplication app, string[] args)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal));
        switch (command)
        {
            case null:
                return false;
            case "migrate":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                    await DatabaseInitializer.MigrateAsync(db, app.Logger);
                }

                return true;
            case CreateAdminCommand.Name:
                Environment.ExitCode = await CreateAdminCommand.RunAsync(app, args);
                return true;
            default:
                throw new StartupConfigurationException($"Unknown command '{command}'. Known commands: migrate, create-admin.");
        }
    }
}
