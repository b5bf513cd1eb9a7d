using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>A GET never changes data: a crawl of every GET endpoint as an administrator leaves every table's row count as it was.</summary>
public sealed class SafeMethodTests
{
    [Fact]
    public async Task EveryGetEndpoint_AsAnAdministrator_LeavesEveryTablesRowCountUnchanged()
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync("crawler@example.org", Roles.Administrator);
        var gets = EndpointCatalogue.Requests(factory.Services).Where(r => r.Method == "GET").ToList();
        gets.Count(r => r.IsAdminArea).ShouldBeGreaterThan(20, "the enumeration found too few staff GET endpoints to mean anything");
        var before = await RowCountsAsync(factory);
        var changed = new List<string>();

        foreach (var request in gets)
        {
            using var response = await client.GetAsync(request.Path);
            var after = await RowCountsAsync(factory);
            changed.AddRange(after.Where(t => t.Value != before[t.Key]).Select(t => $"{request}: {t.Key} {before[t.Key]} → {t.Value}"));
            before = after;
        }

        changed.ShouldBeEmpty(string.Join(Environment.NewLine, changed));
    }

    private static Task<Dictionary<string, long>> RowCountsAsync(WebFactory factory) => factory.WithDbAsync(async db =>
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            // The table names come from the model, not from input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
        }

        return counts;
    });
}
