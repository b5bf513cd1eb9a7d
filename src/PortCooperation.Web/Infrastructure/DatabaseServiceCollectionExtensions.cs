using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PortCooperation.Web.Data;
using PortCooperation.Web.Infrastructure.Caching;

namespace PortCooperation.Web.Infrastructure;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PortalDbContext"/> on SQLite (a file in the data folder, the default) or on
    /// PostgreSQL, chosen by <c>Database:Provider</c>, with the connection string <c>ConnectionStrings:Portal</c>.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        var provider = ParseProvider(options.Provider);
        var connectionString = ResolveConnectionString(provider, configuration, environment);
        services.AddSingleton(new DatabaseConnectionInfo(provider, connectionString));

        services.AddDbContext<PortalDbContext>((serviceProvider, db) =>
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                db.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(PortalDbContext).Assembly.FullName))
                    .AddInterceptors(SqliteConnectionTuning.Instance);
            }
            else
            {
                db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PortalDbContext).Assembly.FullName));
            }

            // Migrations are written by hand without a model snapshot (ADR 0001), so EF always
            // believes the model has pending changes; schema tests prove it does not.
            db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

            // Saves evict the output-cache tags of what they changed (registered by AddPortalOutputCache).
            if (serviceProvider.GetService<CacheEvictionInterceptor>() is { } eviction)
            {
                db.AddInterceptors(eviction);
            }

            // The audit log, after the eviction so its nested save of the entries comes last (Services/Audit).
            if (serviceProvider.GetService<Services.Audit.AuditInterceptor>() is { } audit)
            {
                db.AddInterceptors(audit);
            }
        });
        return services;
    }

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new StartupConfigurationException(
            $"Unknown Database:Provider '{value}'. Set Database__Provider to 'Sqlite' (default) or 'PostgreSQL'."),
    };

    private static string ResolveConnectionString(DatabaseProvider provider, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Portal");
        if (provider == DatabaseProvider.PostgreSql)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new StartupConfigurationException(
                    "Database:Provider is PostgreSQL but ConnectionStrings:Portal is empty. Set ConnectionStrings__Portal, e.g. 'Host=localhost;Database=portcooperation;Username=portal;Password=...'.")
                : configured;
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var dataDirectory = DataDirectory.Resolve(configuration, environment);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "portal.db"),
            Cache = SqliteCacheMode.Default,
            Pooling = true,
        };
        return builder.ToString();
    }
}

/// <summary>Which database the app talks to; used by health checks, commands and backups.</summary>
public sealed record DatabaseConnectionInfo(DatabaseProvider Provider, string ConnectionString);

/// <summary>A configuration mistake that stops start-up with one clear log line instead of a stack trace.</summary>
public sealed class StartupConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
