using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Infrastructure.Caching;

namespace PortCooperation.Web.Infrastructure;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PortalDbContext"/> on SQLite (a file in the data folder, the default), PostgreSQL or
    /// SQL Server, chosen by <c>Database:Provider</c>, with the connection string <c>ConnectionStrings:Portal</c>.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        var provider = ParseProvider(options.Provider);
        var connectionString = ResolveConnectionString(provider, configuration, environment);
        services.AddSingleton(new DatabaseConnectionInfo(provider, connectionString));

        services.AddSingleton<Services.Library.SqlServerFullText>();

        // Every context gets both: a save that skipped the audit log or left stale public pages would go unnoticed.
        services.AddHttpContextAccessor();
        services.AddSingleton<CacheEvictionInterceptor>();
        services.AddSingleton<Services.Audit.AuditInterceptor>();
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddProviderContext<SqlitePortalDbContext>(provider, connectionString);
                break;
            case DatabaseProvider.PostgreSql:
                services.AddProviderContext<PostgreSqlPortalDbContext>(provider, connectionString);
                break;
            case DatabaseProvider.SqlServer:
                services.AddProviderContext<SqlServerPortalDbContext>(provider, connectionString);
                break;
            default:
                throw new StartupConfigurationException($"Database provider {provider} has no context.");
        }

        return services;
    }

    /// <summary>
    /// The provider and its options as the app, the design-time factories and the tests use them. Every
    /// provider's migrations live in this assembly, each set under its own context type.
    /// </summary>
    public static DbContextOptionsBuilder UsePortalProvider(this DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        var migrationsAssembly = typeof(PortalDbContext).Assembly.FullName;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                db.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(migrationsAssembly))
                    .AddInterceptors(SqliteConnectionTuning.Instance);
                break;
            case DatabaseProvider.PostgreSql:
                db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(migrationsAssembly));
                break;
            case DatabaseProvider.SqlServer:
                // SQL Server 2022 (level 160) is the oldest server supported; EF then emits nothing newer.
                db.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(migrationsAssembly).UseCompatibilityLevel(160));
                break;
            default:
                throw new StartupConfigurationException($"Database provider {provider} is not supported.");
        }

        return db;
    }

    private static void AddProviderContext<TContext>(this IServiceCollection services, DatabaseProvider provider, string connectionString)
        where TContext : PortalDbContext =>
        services.AddDbContext<PortalDbContext, TContext>((serviceProvider, db) =>
        {
            db.UsePortalProvider(provider, connectionString);

            // Migrate would compare the model with the migrations' snapshot on every start (a diff of the whole
            // model); the tests make that check once per provider, so the running app skips it.
            db.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));

            // ConfigureDbContext<PortalDbContext> (used by tests to add interceptors) registers for the service type;
            // EF builds the options of the provider's context type, so those registrations are applied here.
            foreach (var configuration in serviceProvider.GetServices<IDbContextOptionsConfiguration<PortalDbContext>>())
            {
                configuration.Configure(serviceProvider, db);
            }

            // Saves evict the output-cache tags of what they changed; then the audit log, so its nested save of the
            // entries comes last. Required: a missing registration stops the first use of the context, never silently.
            db.AddInterceptors(
                serviceProvider.GetRequiredService<CacheEvictionInterceptor>(),
                serviceProvider.GetRequiredService<Services.Audit.AuditInterceptor>());
        });

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        "SQLSERVER" or "MSSQL" => DatabaseProvider.SqlServer,
        _ => throw new StartupConfigurationException(
            $"Unknown Database:Provider '{value}'. Set Database__Provider to 'Sqlite' (default), 'PostgreSQL' or 'SqlServer'."),
    };

    private static string ResolveConnectionString(DatabaseProvider provider, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Portal");
        if (provider != DatabaseProvider.Sqlite)
        {
            var example = provider == DatabaseProvider.PostgreSql
                ? "Host=localhost;Database=portcooperation;Username=portal;Password=..."
                : "Server=localhost;Database=portcooperation;User Id=portal;Password=...;TrustServerCertificate=True";
            return string.IsNullOrWhiteSpace(configured)
                ? throw new StartupConfigurationException(
                    $"Database:Provider is {provider} but ConnectionStrings:Portal is empty. Set ConnectionStrings__Portal, e.g. '{example}'.")
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
