using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Reports.ReportPage;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Reports;

/// <summary>The report's totals come from SQL aggregates: same number of commands whatever the row count, same figures on PostgreSQL.</summary>
public sealed class ReportAggregationTests
{
    private const string Year2031 = "/Admin/Reports?period=year&periodYear=2031";

    private static async Task AddAwardsAndAttendanceAsync(WebFactory factory, int awards, int registrations)
    {
        await factory.WithDbAsync(async db =>
        {
            var member = await CountryAsync(db, "PE", "Peru", "Perú");
            for (var i = 0; i < awards; i++)
            {
                db.ScholarshipAwards.Add(new ScholarshipAward
                {
                    RecipientName = $"Scholar {Guid.NewGuid():N}",
                    Gender = i % 3 == 0 ? Gender.Female : Gender.Male,
                    Country = member,
                    AmountUsd = 1_000.25m,
                    AwardedOn = new DateOnly(2031, 1 + i % 12, 1 + i % 28),
                });
            }

            var webinar = NewActivity("Counted webinar", new DateTime(2031, 5, 6, 15, 0, 0, DateTimeKind.Utc));
            for (var i = 0; i < registrations; i++)
            {
                webinar.Registrations.Add(new Registration
                {
                    FullName = $"Person {i}",
                    Email = $"p{i}@example.org",
                    NormalizedEmail = $"p{i}@example.org",
                    ConsentTextVersion = "test",
                    AccessToken = Guid.NewGuid().ToString("N"),
                    Status = RegistrationStatus.Confirmed,
                    Attended = i % 2 == 0,
                    Country = member,
                });
            }

            db.Activities.Add(webinar);
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Report_NeedsTheSameNumberOfSqlCommands_For10Or1000Rows()
    {
        using var small = new WebFactory();
        using var large = new WebFactory();
        await AddAwardsAndAttendanceAsync(small, awards: 10, registrations: 10);
        await AddAwardsAndAttendanceAsync(large, awards: 1_000, registrations: 1_000);
        var counts = new List<int>();
        foreach (var factory in new[] { small, large })
        {
            var staff = await factory.StaffClientAsync();
            (await staff.GetAsync("/Admin/Reports?period=year&periodYear=2030")).StatusCode.ShouldBe(HttpStatusCode.OK);
            factory.SqlCommands.Reset();
            var page = await staff.GetDocumentAsync(Year2031);
            counts.Add(factory.SqlCommands.Count);
            Current(page, "webinars.participants").ShouldBe(factory == small ? 5 : 500);
            Current(page, "scholarships.usd").ShouldBe(factory == small ? 10_002.5m : 1_000_250m);
        }

        counts[0].ShouldBe(counts[1]);
        counts[0].ShouldBeLessThanOrEqualTo(22); // a fixed number per report, the warnings list included
    }

    [Fact]
    public async Task Csv_HasEveryFigure_AndNeutralisesFormulas()
    {
        using var factory = new WebFactory();
        await factory.WithDbAsync(async db =>
        {
            var country = await CountryAsync(db, "XF", "=HYPERLINK(\"http://evil\")", "=HIPERVINCULO", isMember: true);
            db.ScholarshipAwards.Add(new ScholarshipAward { RecipientName = "X", Country = country, AmountUsd = 10m, AwardedOn = new DateOnly(2031, 3, 3) });
            await db.SaveChangesAsync();
        });
        var staff = await factory.StaffClientAsync();

        using var response = await staff.GetAsync(Year2031 + "&scope=state&state=XF");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var csv = await staff.GetAsync("/Admin/Reports/Csv?period=year&periodYear=2031&scope=state&state=XF");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileName.ShouldBe("executive-report-2031-01-01-2031-12-31-xf.csv");
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Section,Key,Indicator,2031,2030,Change,Scope,This period: minimum,Previous period: minimum");
        lines.ShouldContain("scholarships,scholarships.usd,Total value of scholarships,10,0,10,\"'=HYPERLINK(\"\"http://evil\"\")\",,");
        lines.Length.ShouldBe(1 + 6 + 2 + 3 + 0 + 3 + 3 + 2 + 1);
        lines.ShouldAllBe(l => !l.Contains(",=", StringComparison.Ordinal));
    }
}

/// <summary>The same report on PostgreSQL, where decimals are summed natively.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReportTests(PostgresCluster cluster)
{
    [PostgresFact]
    public async Task Report2019_OnPostgreSql_GivesTheSameFigures()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        using var factory = new WebFactory(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = connectionString,
            ["Database:SeedDemoData"] = "true",
        });
        var staff = await factory.StaffClientAsync();

        var page = await staff.GetDocumentAsync("/Admin/Reports?period=year&periodYear=2019");
        var q2 = await staff.GetDocumentAsync("/Admin/Reports?period=quarter&periodYear=2020&periodQuarter=2");

        Current(page, "scholarships.count").ShouldBe(273);
        Current(page, "scholarships.memberstates").ShouldBe(31);
        Current(page, "scholarships.men").ShouldBe(173);
        Current(page, "scholarships.women").ShouldBe(100);
        Current(page, "scholarships.usd").ShouldBe(723_783m);
        Current(q2, "webinars.participants").ShouldBe(1_340);
        Current(q2, "courses.participants").ShouldBe(132);
        Current(q2, "courses.memberstates").ShouldBe(23);
        Current(q2, "documents.count").ShouldBe(23);
        Current(q2, "planned.count").ShouldBe(7);
    }
}
