using System.Net;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Reports;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.IntegrationTests.Web.Library;

namespace PortCooperation.IntegrationTests.Database;

// The provider-sensitive tests on the SQL Server named by PORTAL_TEST_SQLSERVER (README, "Set up"): the pages and
// library search, the report's figures, concurrency and the backup command. Category SqlServer: the default run
// filters these out; run them with `dotnet test tests/PortCooperation.IntegrationTests --filter Category=SqlServer`.

[Trait("Category", "SqlServer")]
public sealed class SqlServerPagesTests : IDisposable
{
    private readonly SqlServerDatabases _databases = new();

    [Fact]
    public async Task SeededPortal_OnSqlServer_ServesEveryPublicSection()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Portal"] = await _databases.CreateEmptyAsync(),
        });
        var client = factory.CreateClient();
        string[] pages =
        [
            "/", "/?culture=es", "/activities", "/activities/calendar?year=2020&month=6", "/library", "/library?q=port",
            "/library?q=puerto&culture=es", "/member-states", "/member-states/pe?culture=es", "/port-network", "/partners",
            "/statistics", "/activities.ics", "/library/feed.atom", "/sitemap.xml",
        ];
        var failures = new List<string>();
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{(int)response.StatusCode} {page}");
            }
        }

        failures.ShouldBeEmpty(string.Join(", ", failures));
    }

    [Fact]
    public async Task Report2019_OnSqlServer_GivesTheSameFigures()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Portal"] = await _databases.CreateEmptyAsync(),
            ["Database:SeedDemoData"] = "true",
        });
        var staff = await factory.StaffClientAsync();

        var page = await staff.GetDocumentAsync("/Admin/Reports?period=year&periodYear=2019");
        var q2 = await staff.GetDocumentAsync("/Admin/Reports?period=quarter&periodYear=2020&periodQuarter=2");

        ReportPage.Current(page, "scholarships.count").ShouldBe(273);
        ReportPage.Current(page, "scholarships.memberstates").ShouldBe(31);
        ReportPage.Current(page, "scholarships.usd").ShouldBe(723_783m);
        ReportPage.Current(q2, "webinars.participants").ShouldBe(1_340);
        ReportPage.Current(q2, "courses.memberstates").ShouldBe(23);
        ReportPage.Current(q2, "documents.count").ShouldBe(23);
    }

    public void Dispose() => _databases.Dispose();
}

[Trait("Category", "SqlServer")]
public sealed class ConcurrencyOnSqlServer() : ConcurrencyTests(new SqlServerDatabases())
{
    [Fact]
    public Task SecondSaveOfAStaleCopy_IsRefused_AndTheFirstChangeIsKept() => SecondSaveOfAStaleCopyIsRefused();
}

[Trait("Category", "SqlServer")]
public sealed class LibraryOnSqlServer : LibraryTests, IDisposable
{
    private readonly SqlServerDatabases _databases = new();

    protected override async Task<WebFactory> CreateFactoryAsync() =>
        new(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Portal"] = await _databases.CreateEmptyAsync(),
        });

    [Fact] public Task Search_TitleMatchOutranksBodyMatch() => TitleMatchOutranksBodyMatch();
    [Fact] public Task Search_IgnoresAccentsAndCase() => SearchIgnoresAccentsAndCase();
    [Fact] public Task Search_ResultsArePaged() => SearchResultsArePaged();
    [Fact] public Task Facets_CountRespectingTheOtherFilters() => FacetCountsRespectTheOtherFilters();
    [Fact] public Task Highlights_AreEscaped() => HighlightsAreEscaped();
    [Fact] public Task Unpublished_NeverAppear() => UnpublishedDocumentsNeverAppear();
    [Fact] public Task JunkQueryStrings_Are400OrHarmless() => JunkQueryStringsAre400OrHarmless();
    [Fact] public Task EmptyFilterValues_FilterNothing() => EmptyFilterValuesFilterNothing();
    [Fact] public Task Edits_ReachTheIndexAndTheCache() => EditsReachTheIndexAndTheCachedPages();

    public void Dispose() => _databases.Dispose();
}
