using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Reports;

namespace PortCooperation.IntegrationTests.Analytics;

/// <summary>The analytics writer (salts, sessions) and reader (nested GROUP BY) on a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAnalyticsTests(PostgresCluster cluster)
{
    [PostgresFact]
    public async Task ViewsAreWritten_AndTheAnalyticsPageEqualsTheReport_OnPostgres()
    {
        using var app = new AnalyticsFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync(),
        });
        using (var visitor = app.Visitor("203.0.113.8", "yes.2032-03-01"))
        {
            await visitor.GetAsync("/");
            await visitor.GetAsync("/statistics");
        }

        using (var other = app.Visitor("198.51.100.8"))
        {
            other.DefaultRequestHeaders.Add("CF-IPCountry", "BR");
            await other.GetAsync("/");
        }

        (await app.FlushAsync()).ShouldBe(3);
        using var staff = await app.StaffClientAsync();

        var analytics = await staff.PageAsync("/Admin/Analytics?from=2032-03-10&to=2032-03-10");
        var report = await staff.PageAsync("/Admin/Reports?period=custom&from=2032-03-10&to=2032-03-10");

        analytics.QuerySelector("#analytics-totals [data-figure='visitors'] dd")!.TextContent.ShouldBe("2");
        analytics.QuerySelector("#analytics-totals [data-figure='returning'] dd")!.TextContent.ShouldBe("1");
        analytics.QuerySelector("#analytics-totals [data-figure='sessions'] dd")!.TextContent.ShouldBe("2");
        analytics.QuerySelector("#analytics-countries tr[data-key='BR']").ShouldNotBeNull();
        analytics.QuerySelector("#analytics-days tr[data-day='2032-03-10'] td:last-child")!.TextContent.ShouldBe("3");
        ReportPage.Current(report, "usage.views").ShouldBe(3);
        ReportPage.Current(report, "usage.visitors").ShouldBe(2);
        ReportPage.Current(report, "usage.sessions").ShouldBe(2);
        ReportPage.Current(report, "usage.returning").ShouldBe(1);
    }
}
