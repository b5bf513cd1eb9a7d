using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Web;

/// <summary>Rows the public-site tests arrange through the app's own DbContext, and HTML helpers.</summary>
internal static class WebTestData
{
    public static Activity NewActivity(string titleEn, DateTime startsAtUtc, Action<Activity>? change = null)
    {
        var activity = new Activity
        {
            Slug = $"test-{Guid.NewGuid():N}",
            Kind = ActivityKind.Webinar,
            TitleEn = titleEn,
            TitleEs = titleEn + " (ES)",
            Language = "es",
            StartsAtUtc = startsAtUtc,
            EndsAtUtc = startsAtUtc.AddHours(2),
            TimeZoneId = "America/Lima",
            IsOnline = true,
            Status = startsAtUtc < WebFactory.DefaultNow.UtcDateTime ? ActivityStatus.Held : ActivityStatus.Planned,
            PublicationState = PublicationState.Published,
        };
        change?.Invoke(activity);
        return activity;
    }

    /// <summary>The country with this ISO code, added when the reference data does not have it.</summary>
    public static async Task<Country> CountryAsync(PortalDbContext db, string code, string nameEn, string nameEs, bool isMember = true)
    {
        var existing = await db.Countries.SingleOrDefaultAsync(c => c.Code == code);
        if (existing is not null)
        {
            return existing;
        }

        var country = new Country { Code = code, NameEn = nameEn, NameEs = nameEs, IsMemberState = isMember, Region = Region.SouthAmerica };
        db.Countries.Add(country);
        await db.SaveChangesAsync();
        return country;
    }

    public static async Task AddAsync(this WebFactory factory, params object[] entities) =>
        await factory.WithDbAsync(async db =>
        {
            db.AddRange(entities);
            await db.SaveChangesAsync();
        });

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, $"GET {url}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    public static string Squash(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static List<string> Titles(IHtmlDocument document, string listId) =>
        [.. document.QuerySelectorAll($"#{listId} .activity-card__title").Select(e => Squash(e.TextContent))];
}
