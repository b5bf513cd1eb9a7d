using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Registrations;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Registrations;

/// <summary>
/// docs/quality.md S8 for registrations: hostile values in every field of the form come out as text on the confirmation
/// page, the self-service page and in the HTML part of every mail; and the self-service add-to-calendar download.
/// </summary>
public sealed class RegistrationEscapingTests
{
    private const string Payload = "<script>alert('x')</script>\"><img src=x onerror=alert(1)><b>bold</b>";

    /// <summary>Nothing the payload could have injected exists as markup, and the raw payload never appears.</summary>
    private static void AssertInert(string html, string where)
    {
        html.ShouldNotContain("<script>alert", Case.Insensitive, where);
        html.ShouldNotContain("<img src=x", Case.Insensitive, where);
        html.ShouldNotContain("<b>bold", Case.Insensitive, where);
        var document = Parse(html);
        document.QuerySelectorAll("script").ShouldNotContain(s => s.TextContent.Contains("alert"), where);
        document.QuerySelectorAll("img[onerror]").ShouldBeEmpty(where);
        document.QuerySelectorAll("b").ShouldNotContain(b => b.TextContent == "bold", where);
    }

    [Fact]
    public async Task XssPayloads_InEveryField_ComeOutEscaped_OnTheConfirmationAndSelfServicePages_AndInEveryMail()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();

        // Fields that only accept known values (e-mail, country, gender, language) refuse the payload and show it back as text.
        var refused = Fields();
        foreach (var field in new[] { "Email", "Country", "Gender", "Language", "FullName", "Organisation", "Position" })
        {
            refused[field] = Payload;
        }

        using (var response = await client.PostRegistrationAsync(activity.Slug, refused))
        {
            response.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
            var html = await response.Content.ReadAsStringAsync();
            AssertInert(html, "refused form");
            Parse(html).QuerySelector("#Email")!.GetAttribute("value").ShouldBe(Payload);
        }

        var accepted = Fields(email: "eve@example.org", language: "en");
        accepted["FullName"] = "Eve " + Payload;
        accepted["Organisation"] = Payload;
        accepted["Position"] = Payload;
        using var registered = await client.PostRegistrationAsync(activity.Slug, accepted);
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var done = await client.GetAsync(registered.Headers.Location))
        {
            done.StatusCode.ShouldBe(HttpStatusCode.OK);
            AssertInert(await done.Content.ReadAsStringAsync(), "confirmation page");
        }

        var registration = (await factory.RegistrationsAsync(activity.Id)).Single();
        registration.FullName.ShouldBe("Eve " + Payload);
        var selfServiceUrl = $"/registrations/{registration.AccessToken}";
        using (var page = await client.GetAsync(selfServiceUrl))
        {
            var html = await page.Content.ReadAsStringAsync();
            AssertInert(html, "self-service page");
            var document = Parse(html);
            document.QuerySelector("#FullName")!.GetAttribute("value").ShouldBe("Eve " + Payload);
            document.QuerySelector("#Organisation")!.GetAttribute("value").ShouldBe(Payload);
        }

        // The registrant re-types hostile details through the self-service form: still text.
        using (var updated = await client.SubmitAsync(selfServiceUrl, $"form[action='{selfServiceUrl}/details']", new() { ["Position"] = Payload + " (updated)" }))
        {
            updated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        AssertInert(await (await client.GetAsync(selfServiceUrl)).Content.ReadAsStringAsync(), "self-service page after update");

        // Mails of every kind the registration causes: confirmation, reminder, change notice, cancellation notice.
        factory.Clock.Now = activity.StartsAtUtc.AddHours(-3);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None)).ShouldBe(1);
        }

        var staff = await factory.SignedInStaffAsync();
        var edit = $"/Admin/Activities/Edit/{activity.Id}";
        await staff.SubmitAsync(edit, $"form[action$='/Postpone/{activity.Id}']", new() { ["NewStarts"] = "2032-03-25T10:00", ["ReasonEn"] = Payload });
        await staff.SubmitAsync(edit, $"form[action$='/Cancel/{activity.Id}']", new() { ["ReasonEn"] = Payload });

        var mails = await factory.OutboxAsync();
        mails.Select(m => m.IdempotencyKey.Split(':')[0]).ShouldBe(["Confirmation", "Reminder", "ActivityChanged", "ActivityCancelled"]);
        foreach (var mail in mails)
        {
            AssertInert(mail.BodyHtml!, mail.IdempotencyKey);
            mail.BodyHtml!.ShouldContain("Eve &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        }

        mails[2].BodyHtml!.ShouldContain("&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;bold&lt;/b&gt;");
    }

    [Fact]
    public async Task SelfServicePage_OffersTheConfirmedPlace_AsACalendarFile_WithTheJoinLink_OnlyWhileConfirmed()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity(a => { a.Capacity = 1; a.WaitingListEnabled = true; });
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        (await client.PostRegistrationAsync(activity.Slug, Fields(email: "ana@example.org"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PostRegistrationAsync(activity.Slug, Fields(email: "bob@example.org"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var registrations = await factory.RegistrationsAsync(activity.Id);
        var (ana, bob) = ($"/registrations/{registrations[0].AccessToken}", $"/registrations/{registrations[1].AccessToken}");

        var link = (await client.GetDocumentAsync(ana)).QuerySelector("#registration-ics-link") as IHtmlAnchorElement;
        link.ShouldNotBeNull();
        link.GetAttribute("href").ShouldBe($"{ana}/calendar.ics");
        using var response = await client.GetAsync($"{ana}/calendar.ics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var ics = (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal);
        ics.ShouldContain("METHOD:PUBLISH");
        ics.ShouldContain($"UID:activity-{activity.Id}@portcooperation");
        ics.ShouldContain("DTSTART:20320311T120000Z");
        ics.ShouldContain("https://meet.example.org/j/123");

        // Waiting list: no place, no calendar file, and no join link leaks.
        (await client.GetDocumentAsync(bob)).QuerySelector("#registration-ics-link").ShouldBeNull();
        (await client.GetAsync($"{bob}/calendar.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/registrations/not-a-real-token-at-all/calendar.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
