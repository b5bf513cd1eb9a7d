using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Reports;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web;

/// <summary>
/// The same records give the same figures on the home page, the statistics, the country pages and the staff report.
/// Webinars reported only as totals (no participants' countries, as the 2020 ones) are credited to no country, and
/// every country page says how many there are rather than leaving its visitors to read "0" as "none took place".
/// </summary>
public sealed class FiguresAgreeTests
{
    [Fact]
    public async Task HomeStatisticsCountryPagesAndReport_CountTheSameHeldWebinars()
    {
        using var factory = new WebFactory();
        await factory.WithDbAsync(async db =>
        {
            var peru = await db.Countries.SingleAsync(c => c.Code == "PE");
            db.Activities.AddRange(
                // Reported as a total only: whose countries nobody knows.
                NewActivity("Totals-only webinar", new DateTime(2031, 5, 6, 15, 0, 0, DateTimeKind.Utc), a => a.ReportedParticipants = 120),
                NewActivity("Webinar with Peru", new DateTime(2031, 9, 1, 15, 0, 0, DateTimeKind.Utc), a =>
                {
                    a.ReportedParticipants = 30;
                    a.ParticipatingCountries.Add(new ActivityCountry { CountryId = peru.Id, Participants = 7 });
                }),
                NewActivity("Totals-only course", new DateTime(2030, 5, 4, 15, 0, 0, DateTimeKind.Utc), a =>
                {
                    a.Kind = ActivityKind.Course;
                    a.ReportedParticipants = 50;
                }));
            await db.SaveChangesAsync();
        });
        var client = factory.CreateClient();
        using var staff = await factory.StaffClientAsync();

        var home = await client.GetDocumentAsync("/");
        var byYear = await CsvAsync(client, "/statistics/participation/participation-by-year.csv");
        var byCountry = await CsvAsync(client, "/statistics/participation/participation-by-country.csv");
        var peruPage = await client.GetDocumentAsync("/member-states/pe");
        var chilePage = await client.GetDocumentAsync("/member-states/cl");
        var report = await staff.GetDocumentAsync("/Admin/Reports?period=year&periodYear=2031");

        HomeFigure(home, "Webinar participants in 2031", ".key-figure__value").ShouldBe("150");
        byYear["2031"]["webinar-participants"].ShouldBe(150);
        byYear["2031"]["webinars"].ShouldBe(2);
        byYear["2030"]["course-participants"].ShouldBe(50);
        ReportPage.Current(report, "webinars.participants").ShouldBe(150);
        ReportPage.Current(report, "webinars.count").ShouldBe(2);

        byCountry["PE"]["webinars"].ShouldBe(1);
        byCountry.ShouldNotContainKey("CL");
        ParticipatedIn(peruPage).ShouldBe(1);
        ParticipatedIn(chilePage).ShouldBe(0);
        foreach (var page in new[] { peruPage, chilePage })
        {
            Squash(page.QuerySelector("#country-participation-unrecorded")!.TextContent).ShouldStartWith(
                "The programme also held 2 webinars and courses, with 170 participants in all, whose participants' countries were not recorded");
        }

        // Every held activity is either credited to a country or in that note, and the participants add up.
        var held = byYear.Values.Sum(y => y["webinars"] + y["courses"]);
        held.ShouldBe(2 + byCountry.Values.Max(c => c["webinars"] + c["courses"]));
    }

    [Fact]
    public async Task ADraftWebinar_CountsOnNoPublicPage()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            NewActivity("Published webinar", new DateTime(2031, 5, 6, 15, 0, 0, DateTimeKind.Utc), a => a.ReportedParticipants = 120),
            NewActivity("Draft webinar", new DateTime(2031, 6, 6, 15, 0, 0, DateTimeKind.Utc), a =>
            {
                a.ReportedParticipants = 1_000;
                a.PublicationState = PublicationState.Draft;
            }));
        var client = factory.CreateClient();

        var home = await client.GetDocumentAsync("/");
        var byYear = await CsvAsync(client, "/statistics/participation/participation-by-year.csv");

        byYear["2031"]["webinar-participants"].ShouldBe(120);
        HomeFigure(home, "Webinar participants in 2031", ".key-figure__value").ShouldBe("120");
        HomeFigure(home, "Webinar participants in 2031", ".key-figure__detail").ShouldBe("in 1 webinar");
    }

    private static string HomeFigure(IHtmlDocument home, string label, string part) =>
        Squash(home.QuerySelectorAll(".key-figure").Single(f => Squash(f.QuerySelector("dt")?.TextContent) == label).QuerySelector(part)!.TextContent);

    private static int ParticipatedIn(IHtmlDocument countryPage) =>
        int.Parse(countryPage.QuerySelector("#country-participation dd")!.TextContent.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>A statistics CSV as key → column → value.</summary>
    private static async Task<Dictionary<string, Dictionary<string, int>>> CsvAsync(HttpClient client, string url)
    {
        var lines = (await client.GetStringAsync(url)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            cells => cells[0].Trim('"'),
            cells => header.Skip(2).Select((column, i) => (column, value: int.Parse(cells[i + 2].Trim('"'), CultureInfo.InvariantCulture)))
                .ToDictionary(c => c.column.Trim('"'), c => c.value));
    }
}
