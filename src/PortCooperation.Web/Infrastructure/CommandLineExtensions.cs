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
        // A command is the first argument; host options (--urls http://…, --environment X, key=value) are not.
        var command = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal) ? args[0] : null;
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
            case BackupCommand.BackupName or BackupCommand.RestoreName:
                Environment.ExitCode = await BackupCommand.RunAsync(app, args);
                return true;
            default:
                throw new StartupConfigurationException($"Unknown command '{command}'. Known commands: migrate, create-admin, backup, restore.");
        }
    }
}
