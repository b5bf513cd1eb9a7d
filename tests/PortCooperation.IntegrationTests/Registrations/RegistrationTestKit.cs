using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Registrations;

/// <summary>Arranging open activities and posting the public registration form the way a browser does.</summary>
internal static class RegistrationTestKit
{
    public static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    /// <summary>Settings for a test factory: mail delivery driven by the test, not by the background loop.</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Mail:BackgroundDelivery"] = "false",
            ["Mail:PublicBaseUrl"] = "https://portal.example.org",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A published online webinar ten days ahead whose registration opened yesterday.</summary>
    public static Activity OpenActivity(Action<Activity>? change = null) =>
        WebTestData.NewActivity("Port logistics webinar", Now.AddDays(10), a =>
        {
            a.RegistrationEnabled = true;
            a.RegistrationOpensAtUtc = Now.AddDays(-1);
            a.OnlineJoinUrl = "https://meet.example.org/j/123";
            change?.Invoke(a);
        });

    public static Dictionary<string, string> Fields(string email = "ana.perez@example.org", string language = "es") => new()
    {
        ["FullName"] = "Ana Pérez",
        ["Email"] = email,
        ["Organisation"] = "Autoridad Portuaria Nacional",
        ["Position"] = "Jefa de planificación",
        ["Country"] = "PE",
        ["Gender"] = "Female",
        ["Language"] = language,
        ["Consent"] = "true",
        ["Website"] = "",
    };

    /// <summary>GETs the form (antiforgery cookie + token), then POSTs the fields; the client must keep cookies.</summary>
    public static async Task<HttpResponseMessage> PostRegistrationAsync(this HttpClient client, string slug, IDictionary<string, string> fields, string? acceptLanguage = null)
    {
        var token = await FormTokenAsync(client, slug, acceptLanguage);
        return await client.PostRegistrationWithTokenAsync(slug, fields, token, acceptLanguage);
    }

    public static async Task<string> FormTokenAsync(this HttpClient client, string slug, string? acceptLanguage = null)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/activities/{slug}/register");
        if (acceptLanguage is not null)
        {
            get.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var form = await client.SendAsync(get);
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await WebTestData.ParseAsync(form);
        return document.QuerySelector("form.registration-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    public static async Task<HttpResponseMessage> PostRegistrationWithTokenAsync(this HttpClient client, string slug, IDictionary<string, string> fields, string token, string? acceptLanguage = null)
    {
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/activities/{slug}/register") { Content = new FormUrlEncodedContent(all) };
        if (acceptLanguage is not null)
        {
            post.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return await client.SendAsync(post);
    }

    public static async Task<List<Registration>> RegistrationsAsync(this WebFactory factory, int activityId) =>
        await factory.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.ActivityId == activityId).OrderBy(r => r.Id).ToListAsync());

    public static async Task<List<OutboxMessage>> OutboxAsync(this WebFactory factory) =>
        await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public static IHtmlDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
}
