namespace PortCooperation.IntegrationTests.Infrastructure;

/// <summary>
/// A test that needs the throw-away PostgreSQL cluster (put its class in <see cref="PostgresCollection"/>).
/// Skipped, with the reason printed, where the server binaries are absent; in CI (CI=true) it is never
/// skipped, so a missing server fails the run instead of passing it silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresBinaries.UnavailableReason is { } reason && !PostgresBinaries.IsCi)
        {
            Skip = "PostgreSQL test skipped: " + reason + ".";
        }
    }
}
