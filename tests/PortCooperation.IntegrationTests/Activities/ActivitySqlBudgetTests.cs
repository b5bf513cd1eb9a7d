using System.Net;
using Xunit.Abstractions;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Activities;

/// <summary>docs/quality.md P3: each public activity page needs at most 3 SQL commands, the same with 10 and 1,000 activities.</summary>
public sealed class ActivitySqlBudgetTests(ITestOutputHelper output)
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    private static readonly string[] Urls =
    [
        "/activities",
        "/activities?kind=Webinar&country=PE&partner=partner-1&page=2",
        "/activities/calendar?year=2032&month=3",
        "/activities/activity-0",
        "/activities/activity-0.ics",
        "/activities.ics",
        "/sitemap.xml",
    ];

    private static async Task<Dictionary<string, int>> CountAsync(int activities)
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var partners = Enumerable.Range(0, 5).Select(i => new Organisation { Slug = $"partner-{i}", NameEn = $"Partner {i}" }).ToList();
        var rows = Enumerable.Range(0, activities).Select(i =>
        {
            var activity = NewActivity($"Activity {i}", Now.AddDays(i % 3 == 0 ? -i : i).AddHours(-3), a =>
            {
                a.Slug = $"activity-{i}";
                a.HostCountryId = peru.Id;
            });
            activity.Partners.Add(new ActivityPartner { Organisation = partners[i % partners.Count] });
            activity.Partners.Add(new ActivityPartner { Organisation = partners[(i + 1) % partners.Count], SortOrder = 1 });
            activity.ParticipatingCountries.Add(new ActivityCountry { CountryId = peru.Id, Participants = 3 });
            return activity;
        }).ToArray();
        await factory.AddAsync(rows);

        var client = factory.CreateClient();
        var counts = new Dictionary<string, int>();
        foreach (var url in Urls)
        {
            // Warm up EF, the views and the output cache on another entry, then measure an uncached request.
            (await client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "warm-up=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
            // Two uncached requests, keeping the lower count: a background service (the mail outbox) may poll the
            // database during one of them, and its command is not the page's.
            var measured = int.MaxValue;
            foreach (var suffix in new[] { "", "measure=2" })
            {
                var target = suffix.Length == 0 ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + suffix;
                factory.SqlCommands.Reset();
                (await client.GetAsync(target)).StatusCode.ShouldBe(HttpStatusCode.OK, target);
                measured = Math.Min(measured, factory.SqlCommands.Count);
            }

            counts[url] = measured;
        }

        return counts;
    }

    [Fact]
    public async Task ActivityPages_NeedAtMostThreeSqlCommands_SameWith10And1000Activities()
    {
        var small = await CountAsync(10);
        var large = await CountAsync(1000);

        foreach (var url in Urls)
        {
            small[url].ShouldBeInRange(1, 3, url);
            large[url].ShouldBe(small[url], url);
            output.WriteLine($"{url}: {small[url]} SQL commands with 10 activities, {large[url]} with 1,000");
        }
    }
}
