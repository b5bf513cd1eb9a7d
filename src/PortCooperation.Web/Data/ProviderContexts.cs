using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PortCooperation.Web.Infrastructure;

namespace PortCooperation.Web.Data;

// One context type per provider: EF finds migrations and the model snapshot by the context type in their
// [DbContext] attribute, and a snapshot is tied to one provider (store types, identity annotations), so each
// provider keeps its own set under Data/Migrations/<Provider> (docs/decisions/0011).

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options, TimeProvider? clock = null)
    : PortalDbContext(options, clock);

public sealed class PostgreSqlPortalDbContext(DbContextOptions<PostgreSqlPortalDbContext> options, TimeProvider? clock = null)
    : PortalDbContext(options, clock);

public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options, TimeProvider? clock = null)
    : PortalDbContext(options, clock);

/// <summary>
/// Used by <c>dotnet ef migrations add --context SqlitePortalDbContext</c>. Adding a migration never connects;
/// <c>dotnet ef migrations list</c> reads ConnectionStrings__Portal when set.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlitePortalDbContext>(DatabaseProvider.Sqlite, "Data Source=App_Data/portal.db"));
}

public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlPortalDbContext>
{
    public PostgreSqlPortalDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<PostgreSqlPortalDbContext>(DatabaseProvider.PostgreSql, "Host=localhost;Database=portcooperation;Username=portal"));
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlServerPortalDbContext>(DatabaseProvider.SqlServer, "Server=localhost;Database=portcooperation;Integrated Security=true;TrustServerCertificate=true"));
}

internal static class DesignTime
{
    public static DbContextOptions<TContext> Options<TContext>(DatabaseProvider provider, string fallbackConnectionString)
        where TContext : PortalDbContext
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Portal");
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.UsePortalProvider(provider, string.IsNullOrWhiteSpace(configured) ? fallbackConnectionString : configured);
        return builder.Options;
    }
}

/// <summary>Opens the provider's context on options built without a context type (the bench programs build their own).</summary>
public static class PortalContexts
{
    public static PortalDbContext Create(DbContextOptions options, TimeProvider? clock = null)
    {
        var extensions = options.Extensions.ToDictionary(e => e.GetType());
        var relational = options.Extensions.OfType<Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension>().Single();
        return relational.GetType().Name switch
        {
            "SqliteOptionsExtension" => new SqlitePortalDbContext(new DbContextOptions<SqlitePortalDbContext>(extensions), clock),
            "NpgsqlOptionsExtension" => new PostgreSqlPortalDbContext(new DbContextOptions<PostgreSqlPortalDbContext>(extensions), clock),
            "SqlServerOptionsExtension" => new SqlServerPortalDbContext(new DbContextOptions<SqlServerPortalDbContext>(extensions), clock),
            var other => throw new NotSupportedException($"No portal context for {other}."),
        };
    }
}
