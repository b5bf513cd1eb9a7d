using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PortCooperation.Web.Data;

namespace PortCooperation.IntegrationTests.Database;

/// <summary>
/// Each provider's migrations are complete for the current model: EF's own comparison of the model with the
/// provider's snapshot, on the contexts the design-time factories make for <c>dotnet ef</c>. No server is needed, so
/// all three providers are checked in every run. A failure means: run the three <c>migrations add</c> commands of
/// docs/operations.md, "Migrations".
/// </summary>
public sealed class ModelSnapshotTests
{
    [Fact]
    public void Sqlite_HasNoPendingModelChanges() => ShouldHaveNoPendingChanges(new SqliteDesignTimeFactory().CreateDbContext([]));

    [Fact]
    public void PostgreSql_HasNoPendingModelChanges() => ShouldHaveNoPendingChanges(new PostgreSqlDesignTimeFactory().CreateDbContext([]));

    [Fact]
    public void SqlServer_HasNoPendingModelChanges() => ShouldHaveNoPendingChanges(new SqlServerDesignTimeFactory().CreateDbContext([]));

    /// <summary>Each context sees its own migrations only, all in its provider's folder and namespace.</summary>
    [Fact]
    public void EachProvider_HasItsOwnMigrationsAndSnapshot()
    {
        PortalDbContext[] contexts =
        [
            new SqliteDesignTimeFactory().CreateDbContext([]),
            new PostgreSqlDesignTimeFactory().CreateDbContext([]),
            new SqlServerDesignTimeFactory().CreateDbContext([]),
        ];
        foreach (var db in contexts)
        {
            using (db)
            {
                var folder = db.Provider.ToString();
                var migrations = db.GetService<IMigrationsAssembly>();
                migrations.Migrations.ShouldNotBeEmpty();
                migrations.Migrations.Values.ShouldAllBe(m => m.Namespace == "PortCooperation.Web.Data.Migrations." + folder);
                migrations.ModelSnapshot.ShouldNotBeNull().GetType().Namespace.ShouldBe("PortCooperation.Web.Data.Migrations." + folder);
            }
        }
    }

    private static void ShouldHaveNoPendingChanges(PortalDbContext db)
    {
        using (db)
        {
            db.Database.HasPendingModelChanges().ShouldBeFalse(
                $"The model has changes that {db.GetType().Name}'s migrations lack. Add a migration for each provider (docs/operations.md, \"Migrations\").");
        }
    }
}
