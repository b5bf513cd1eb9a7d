using System.Net;
using System.Text;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Reports;

/// <summary>The staff analytics page names the visitors' countries in the staff member's language; the CSV keeps the ISO code.</summary>
public sealed class AnalyticsCountryNameTests
{
    [Fact]
    public async Task Countries_are_named_in_the_visitors_language_and_the_csv_keeps_the_code()
    {
        using var factory = new WebFactory();
        await factory.WithDbAsync(async db =>
        {
            var at = new DateTime(2032, 2, 10, 15, 0, 0, DateTimeKind.Utc);
            foreach (var (code, visitor) in new[] { ("PE", "a"), ("PE", "b"), ("MX", "c"), ("ZZ", "d") })
            {
                db.PageViews.Add(new PageView
                {
                    OccurredAtUtc = at, Day = new DateOnly(2032, 2, 10), Path = "/", VisitorKey = visitor, SessionKey = visitor + "1",
                    VisitorKind = VisitorKind.Unknown, CountryCode = code,
                });
            }

            await db.SaveChangesAsync();
        });
        using var staff = await factory.SignedInStaffAsync();
        const string Url = "/Admin/Analytics?from=2032-02-01&to=2032-02-29";

        var english = await staff.PageAsync(Url);
        var peru = english.QuerySelector("#analytics-countries tr[data-key='PE'] th")!;
        peru.TextContent.Trim().ShouldStartWith("Peru");
        peru.QuerySelector(".analytics-code")!.TextContent.Trim().ShouldBe("PE");
        english.QuerySelector("#analytics-countries tr[data-key='MX'] th")!.TextContent.ShouldContain("Mexico");
        english.QuerySelector("#analytics-countries tr[data-key='ZZ'] th")!.TextContent.Trim().ShouldBe("ZZ", "an unknown code stays a code");

        using (var spanish = await staff.GetAsync("/language/es?returnUrl=%2F"))
        {
            spanish.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var inSpanish = await staff.PageAsync(Url);
        inSpanish.QuerySelector("#analytics-countries tr[data-key='PE'] th")!.TextContent.Trim().ShouldStartWith("Perú");
        inSpanish.QuerySelector("#analytics-countries tr[data-key='MX'] th")!.TextContent.ShouldContain("México");

        var link = inSpanish.QuerySelector("#analytics-countries-csv")!.GetAttribute("href")!;
        using var csv = await staff.GetAsync(link);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Código ISO,");
        lines.Skip(1).ShouldBe(["PE,Perú,2,2", "MX,México,1,1", "ZZ,,1,1"], ignoreOrder: true);

        using var bad = await staff.GetAsync("/Admin/Analytics/Countries?from=2032-03-01&to=2032-02-01");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
