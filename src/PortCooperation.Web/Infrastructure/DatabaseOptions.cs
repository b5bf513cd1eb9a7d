namespace PortCooperation.Web.Infrastructure;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>"Sqlite" (default, embedded), "PostgreSQL" or "SqlServer".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply migrations when the app starts. Turn off where deployments migrate as a separate step.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Seed the demo data drawn from the source documents (reference data is always seeded).</summary>
    public bool SeedDemoData { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
