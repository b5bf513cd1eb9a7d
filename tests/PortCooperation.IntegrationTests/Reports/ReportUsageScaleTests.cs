using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Analytics;
using static PortCooperation.IntegrationTests.Reports.ReportPage;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Reports;

/// <summary>
/// P5 (bench/README.md): a year report, for everything and for one region, sends the same SQL commands whatever the
/// volume of page views, scholarships and registrations, with its portal-usage section read from the views (both
/// periods in one query); and the usage figures are the same on PostgreSQL, where they are asked another way.
/// </summary>
public sealed class ReportUsageScaleTests
{
    private const string Year2031 = "/Admin/Reports?period=year&periodYear=2031";
    private const string Region2031 = Year2031 + "&scope=region&region=SouthAmerica";

    /// <summary>
    /// <paramref name="size"/> page views, scholarships and attended registrations in 2031 and as many views in 2030:
    /// visitors of Peru (South America) and of Mexico (another region), two views per visitor-day, one session each.
    /// </summary>
    private static Task SeedAsync(WebFactory factory, int size) => factory.WithDbAsync(async db =>
    {
        var peru = await CountryAsync(db, "PE", "Peru", "Perú");
        var mexico = await CountryAsync(db, "MX", "Mexico", "México");
        mexico.Region = Region.CentralAmerica;
        var webinar = NewActivity("Counted webinar", new DateTime(2031, 5, 6, 15, 0, 0, DateTimeKind.Utc));
        for (var i = 0; i < size; i++)
        {
            db.ScholarshipAwards.Add(new ScholarshipAward
            {
                RecipientName = $"Scholar {i}", Gender = i % 3 == 0 ? Gender.Female : Gender.Male, Country = i % 2 == 0 ? peru : mexico,
                AmountUsd = 500m, AwardedOn = new DateOnly(2031, 1 + i % 12, 1 + i % 28),
            });
            webinar.Registrations.Add(new Registration
            {
                FullName = $"Person {i}", Email = $"p{i}@example.org", NormalizedEmail = $"P{i}@EXAMPLE.ORG", ConsentTextVersion = "test",
                AccessToken = Guid.NewGuid().ToString("N"), Status = RegistrationStatus.Confirmed, Attended = true, Country = i % 2 == 0 ? peru : mexico,
            });
            for (var year = 2030; year <= 2031; year++)
            {
                var at = new DateTime(year, 1 + i / 2 % 12, 1 + i / 2 % 28, 15, 0, 0, DateTimeKind.Utc).AddMinutes(i % 2);
                var day = AnalyticsClock.Day(at);
                db.PageViews.Add(new PageView
                {
                    OccurredAtUtc = at, Day = day, Path = $"/page-{i % 7}", VisitorKey = $"v{i / 2}-{day:yyyyMMdd}", SessionKey = $"s{i / 2}",
                    VisitorKind = VisitorKind.Unknown, CountryCode = i / 2 % 2 == 0 ? "PE" : "MX", Language = "en",
                });
            }
        }

        db.Activities.Add(webinar);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task YearReport_SendsTheSameSqlCommands_For10Or1000ViewsAwardsAndRegistrations_ForEverythingAndOneRegion()
    {
        using var small = new WebFactory();
        using var large = new WebFactory();
        await SeedAsync(small, 10);
        await SeedAsync(large, 1_000);
        var counts = new List<(int Everything, int Region)>();
        foreach (var (factory, size) in new[] { (small, 10), (large, 1_000) })
        {
            var staff = await factory.StaffClientAsync();
            await staff.GetDocumentAsync("/Admin/Reports?period=year&periodYear=2029");

            factory.SqlCommands.Reset();
            var everything = await staff.GetDocumentAsync(Year2031);
            var everythingCommands = factory.SqlCommands.Count;
            factory.SqlCommands.Reset();
            var region = await staff.GetDocumentAsync(Region2031);
            counts.Add((everythingCommands, factory.SqlCommands.Count));

            Current(everything, "usage.views").ShouldBe(size);
            Previous(everything, "usage.views").ShouldBe(size, "the previous year's views, read in the same query");
            Current(everything, "usage.visitors").ShouldBe(size / 2);
            Current(everything, "usage.sessions").ShouldBe(size / 2);
            Current(region, "usage.views").ShouldBe(size / 2 + (size / 2 % 2 == 0 ? 0 : 1), "the views of Peru's visitors only");
            Current(everything, "scholarships.count").ShouldBe(size);
            Current(everything, "webinars.participants").ShouldBe(size);
        }

        counts[1].ShouldBe(counts[0], "the report's commands do not depend on the number of rows");
        counts[0].Everything.ShouldBeLessThanOrEqualTo(24); // a fixed number per report, the warnings list included
        counts[0].Region.ShouldBe(counts[0].Everything, "a region costs no extra command");
    }
}

/// <summary>The usage totals on PostgreSQL, where they are grouped by session first (AnalyticsReader.TotalsAsync).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReportUsageTests(PostgresCluster cluster)
{
    [PostgresFact]
    public async Task UsageTotals_OnPostgreSql_CountVisitorDaysKindsAndSessions_LikeSqlite()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        var figures = new List<decimal[]>();
        foreach (var settings in new[]
        {
            new Dictionary<string, string?>(),
            new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Portal"] = connectionString },
        })
        {
            using var factory = new WebFactory(settings: settings);
            await factory.WithDbAsync(async db =>
            {
                // Feb 2032: A unknown then returning on the 3rd (one session) and returning on the 4th (two sessions),
                // B new, C unknown; January: one view.
                PageView View(string time, string visitor, string session, VisitorKind kind, string path = "/")
                {
                    var at = DateTime.SpecifyKind(DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
                    return new PageView { OccurredAtUtc = at, Day = AnalyticsClock.Day(at), Path = path, VisitorKey = visitor, SessionKey = session, VisitorKind = kind };
                }

                db.PageViews.AddRange(
                    View("2032-01-20T15:00:00", "old", "s0", VisitorKind.Unknown),
                    View("2032-02-03T15:00:00", "a-03", "s1", VisitorKind.Unknown),
                    View("2032-02-03T15:05:00", "a-03", "s1", VisitorKind.Returning, "/statistics"),
                    View("2032-02-03T18:00:00", "b-03", "s2", VisitorKind.New),
                    View("2032-02-03T19:00:00", "c-03", "s3", VisitorKind.Unknown),
                    View("2032-02-04T15:00:00", "a-04", "s4", VisitorKind.Returning),
                    View("2032-02-04T16:00:00", "a-04", "s5", VisitorKind.Returning, "/statistics"),
                    View("2032-02-04T16:10:00", "a-04", "s5", VisitorKind.Returning, "/library"));
                await db.SaveChangesAsync();
            });
            using var staff = await factory.StaffClientAsync();
            var report = await staff.GetDocumentAsync("/Admin/Reports?period=custom&from=2032-02-01&to=2032-02-29");
            string[] keys = ["usage.views", "usage.visitors", "usage.sessions", "usage.returning"];
            figures.Add([.. keys.Select(k => Current(report, k)), .. keys.Select(k => Previous(report, k))]);
        }

        figures[0].ShouldBe([7m, 4m, 5m, 2m, 1m, 1m, 1m, 0m], "SQLite: 7 views, visitors A (twice), B, C; sessions s1, s2, s3, s4, s5; A returning twice");
        figures[1].ShouldBe(figures[0], "PostgreSQL gives the same figures");
    }
}
