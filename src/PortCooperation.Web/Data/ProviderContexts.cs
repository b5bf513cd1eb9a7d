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
