using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
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

        if (db.Provider == DatabaseProvider.SqlServer)
        {
            // Logs the one warning when the library must search without a full-text index.
            await services.GetRequiredService<Services.Library.SqlServerFullText>().IsAvailableAsync(db, CancellationToken.None);
        }

        await RoleSeeder.SeedAsync(services, app.Logger);
        await Seeding.DataSeeder.SeedAsync(db, options.SeedDemoData, app.Logger);
        await Seeding.Demo.LibraryDemoFiles.SeedAsync(db, services.GetRequiredService<Services.Library.AttachmentStorage>(), options.SeedDemoData);
    }

    public static async Task MigrateAsync(PortalDbContext db, ILogger logger)
    {
        try
        {
            // Create the database when missing, as Migrate would before the history script below. EF probes it
            // expecting errors, so an unreachable server fails without its own error log line before ours.
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync())
            {
                await creator.CreateAsync();
            }

            // On a fresh PostgreSQL database EF reads the history table before creating it and logs
            // the failed read as an error; creating the table first keeps the first start's log clean.
            var history = db.GetService<IHistoryRepository>();
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript());
            var appliedIds = (await history.GetAppliedMigrationsAsync()).Select(m => m.MigrationId).ToList();
            ThrowOnUnknownMigrations(appliedIds, db.Database.GetMigrations());
            var applied = appliedIds.Count;
            await db.Database.MigrateAsync();
            var total = db.Database.GetMigrations().Count();
            logger.LogInformation("Database migrated: {Applied} migrations applied now, {Total} in all", total - applied, total);
        }
        catch (UnknownMigrationsException ex)
        {
            throw new StartupConfigurationException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // EF wraps connection failures in "likely due to a transient failure"; the inner error says what happened.
            var cause = ex is InvalidOperationException { InnerException: DbException inner } ? inner : ex;
            throw new StartupConfigurationException(
                $"The database cannot be reached or migrated ({cause.GetType().Name}: {cause.Message}). Check Database:Provider and ConnectionStrings:Portal, and that the server is running.", ex);
        }
    }

    /// <summary>
    /// A database whose history names a migration this build does not have — made by the retired hand-written
    /// migrations (20261122000000_InitialCreate and the rest) or by a newer build — is left untouched: applying this
    /// build's baseline to it would fail half-way on tables that already exist.
    /// </summary>
    internal static void ThrowOnUnknownMigrations(IReadOnlyCollection<string> applied, IEnumerable<string> known)
    {
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        throw new UnknownMigrationsException(
            $"The database was migrated by another version of the portal: its history holds {unknown.Count} migration(s) this version does not know " +
            $"(first: {unknown.Order(StringComparer.Ordinal).First()}). Nothing was changed. Point ConnectionStrings:Portal at a new, empty database " +
            "(or move the old data folder aside) and start again; docs/operations.md, \"Migrations\", explains.");
    }
}

/// <summary>Thrown before any change when the database's migration history does not belong to this build.</summary>
public sealed class UnknownMigrationsException(string message) : InvalidOperationException(message);
