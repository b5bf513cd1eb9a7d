using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure;
using PortCooperation.Web.Services.Analytics;
using PortCooperation.Web.Services.Library;
using PortCooperation.Web.Services.Places;
using PortCooperation.Web.Services.Registrations;
using PortCooperation.Web.Services.Reports;

namespace PortCooperation.IntegrationTests.Database.SqlServer;

/// <summary>
/// What the portal would send to SQL Server, checked here without one: the migrations' idempotent script, every raw
/// SQL text, and the SQL EF writes for the queries that matter, each parsed by ScriptDom with the SQL Server 2022
/// grammar. A parse catches syntax only; the category SqlServer tests run them on a real server.
/// </summary>
public sealed class SqlServerScriptTests
{
    private static string IdempotentScript()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    [Fact]
    public void MigrationsIdempotentScript_ParsesAsTSql()
    {
        var script = IdempotentScript();

        script.ShouldContain("CREATE FULLTEXT INDEX ON [Documents]");
        SqlServerText.ShouldParse(script, "The SQL Server migrations' idempotent script");
    }

    /// <summary>The check must be able to fail: a misspelt keyword, and a broken statement inside EXEC.</summary>
    [Fact]
    public void BrokenScript_IsCaught()
    {
        var script = IdempotentScript();

        SqlServerText.Errors(script.Replace("CREATE TABLE [Countries]", "CREATE TABEL [Countries]", StringComparison.Ordinal)).ShouldNotBeEmpty();
        SqlServerText.Errors(script.Replace("CREATE FULLTEXT INDEX ON [Documents] (", "CREATE FULLTEXT INDEX ON [Documents] ((", StringComparison.Ordinal)).ShouldNotBeEmpty();
    }

    [Fact]
    public void RawSql_ParsesAsTSql()
    {
        var search = LibrarySearchText.Parse("port prácticas 2024 a").ShouldNotBeNull();
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var texts = new Dictionary<string, string>
        {
            ["full-text state"] = SqlServerLibrarySql.FullTextState,
            ["match ids, full-text"] = SqlServerText.WithParameters(SqlServerLibrarySql.MatchIds(search, fullText: true)),
            ["match ids, LIKE"] = SqlServerText.WithParameters(SqlServerLibrarySql.MatchIds(search, fullText: false)),
            ["ranks, full-text"] = SqlServerText.WithParameters(SqlServerLibrarySql.Ranks(search, 10, fullText: true)),
            ["ranks, LIKE"] = SqlServerText.WithParameters(SqlServerLibrarySql.Ranks(search, 10, fullText: false)),
            ["activity lock"] = SqlServerText.WithParameters(ActivityGate.LockActivity(DatabaseProvider.SqlServer, 7)),
            ["history table"] = db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(),
            ["full-text index, create"] = PortCooperation.Web.Data.Migrations.SqlServer.Baseline.CreateLibrarySearchSql,
            ["full-text index, drop"] = PortCooperation.Web.Data.Migrations.SqlServer.Baseline.DropLibrarySearchSql,
        };

        foreach (var (what, sql) in texts)
        {
            SqlServerText.ShouldParse(sql, what);
        }
    }

    [Fact]
    public async Task AppQueries_ParseAsTSql()
    {
        var commands = new List<string>();
        await using var db = SqlServerText.Offline(commands);
        var period = ReportPeriod.Quarter(2026, 3);
        var search = LibrarySearchText.Parse("puerto").ShouldNotBeNull();

        // Each reader runs until its first answer with no rows; what it sent by then is collected.
        await Attempt(() => new LibrarySearchEngine(db, new SqlServerFullText(Microsoft.Extensions.Logging.Abstractions.NullLogger<SqlServerFullText>.Instance)).MatchIdsAsync(search, default));
        await Attempt(() => new AnalyticsReader(db).TotalsAsync(db.PageViews, new DateOnly(2026, 7, 1), default));
        await Attempt(() => new AnalyticsReader(db).ReadAsync(period, default));
        await Attempt(() => new ExecutiveReportReader(db, TimeProvider.System, new AnalyticsReader(db)).ReadAsync(period, new ReportScope(), default));
        await Attempt(() => db.Registrations.CountAsync(r => r.ActivityId == 1 && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Pending)));
        commands.Add(new MemberStatesReader(db, TimeProvider.System).ItemsQuery(1, DateTime.UtcNow).ToQueryString());
        commands.Add(db.Documents.Where(d => d.PublicationState == PublicationState.Published).OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id).Take(20).ToQueryString());

        commands.Count.ShouldBeGreaterThanOrEqualTo(7);
        foreach (var sql in commands)
        {
            SqlServerText.ShouldParse(sql, "A query of the app");
        }
    }

    private static async Task Attempt(Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (InvalidOperationException)
        {
            // "Sequence contains no elements": the offline context answers every command with no rows.
        }
    }
}
