using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Infrastructure;

namespace PortCooperation.Web.Data;

/// <summary>Start-up work on the database: migrate (unless switched off), then seed roles, reference and demo data.</summary>
public static class DatabaseInitializer
{
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = services.GetRequiredService<PortalDbContext>();
        if (options.MigrateOnStartup)
        {
            await MigrateAsync(db, app.Logger);
        }

        await RoleSeeder.SeedAsync(services, app.Logger);
    }

    public static async Task MigrateAsync(PortalDbContext db, ILogger logger)
    {
        try
        {
            // On a fresh PostgreSQL database EF reads the history table before creating it and logs
            // the failed read as an error; creating the table first keeps the first start's log clean.
            var history = db.GetService<IHistoryRepository>();
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript());
            var applied = (await history.GetAppliedMigrationsAsync()).Count;
            await db.Database.MigrateAsync();
            var total = db.Database.GetMigrations().Count();
            logger.LogInformation("Database migrated: {Applied} migrations applied now, {Total} in all", total - applied, total);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            throw new StartupConfigurationException(
                $"The database cannot be reached or migrated ({ex.GetType().Name}: {ex.Message}). Check Database:Provider and ConnectionStrings:Portal, and that the server is running.", ex);
        }
    }
}
