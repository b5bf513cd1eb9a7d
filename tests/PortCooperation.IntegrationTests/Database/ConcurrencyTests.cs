using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Database;

/// <summary>
/// docs/quality.md R6 at the data level: two staff load the same record; the first save wins, the second is
/// refused (DbUpdateConcurrencyException) instead of silently overwriting it.
/// </summary>
public abstract class ConcurrencyTests(TestDatabases databases) : IDisposable
{
    public void Dispose()
    {
        (databases as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task SecondSaveOfAStaleCopyIsRefused()
    {
        var connectionString = await databases.CreateEmptyAsync();
        int id;
        await using (var setup = databases.Open(connectionString))
        {
            await setup.Database.MigrateAsync();
            var country = new Country { Code = "UY", NameEn = "Uruguay", NameEs = "Uruguay", IsMemberState = true, Region = Region.SouthAmerica };
            setup.Countries.Add(country);
            await setup.SaveChangesAsync();
            id = country.Id;
        }

        await using var alice = databases.Open(connectionString);
        await using var bob = databases.Open(connectionString);
        var alicesCopy = await alice.Countries.SingleAsync(c => c.Id == id);
        var bobsCopy = await bob.Countries.SingleAsync(c => c.Id == id);

        alicesCopy.NameEn = "Oriental Republic of Uruguay";
        await alice.SaveChangesAsync();
        bobsCopy.NameEn = "Uruguay (edited)";
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());

        await using var reader = databases.Open(connectionString);
        var stored = await reader.Countries.AsNoTracking().SingleAsync(c => c.Id == id);
        stored.NameEn.ShouldBe("Oriental Republic of Uruguay");
        stored.Version.ShouldBe(2);
    }
}

public sealed class ConcurrencyOnSqlite() : ConcurrencyTests(new SqliteDatabases())
{
    [Fact]
    public Task SecondSaveOfAStaleCopy_IsRefused_AndTheFirstChangeIsKept() => SecondSaveOfAStaleCopyIsRefused();
}

[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyOnPostgres(PostgresCluster cluster) : ConcurrencyTests(new PostgresDatabases(cluster))
{
    [PostgresFact]
    public Task SecondSaveOfAStaleCopy_IsRefused_AndTheFirstChangeIsKept() => SecondSaveOfAStaleCopyIsRefused();
}
