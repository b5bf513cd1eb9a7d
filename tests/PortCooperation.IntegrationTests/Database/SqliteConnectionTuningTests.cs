using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Infrastructure;

namespace PortCooperation.IntegrationTests.Database;

/// <summary>
/// Every SQLite connection the app opens reads the file through a memory map (Infrastructure/SqliteConnectionTuning,
/// bench/README.md "Library search"): SQLite's default is no map at all (mmap_size 0).
/// </summary>
public sealed class SqliteConnectionTuningTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task AppConnections_MapTheDatabaseFile()
    {
        _ = _factory.CreateClient();
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var mapSize = await db.Database.SqlQueryRaw<long>("PRAGMA mmap_size").ToListAsync();

        mapSize.ShouldBe([SqliteConnectionTuning.MapSize]);
    }

    public void Dispose() => _factory.Dispose();
}
