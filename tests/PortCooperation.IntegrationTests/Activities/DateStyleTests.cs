using System.Net;
using Ical.Net;
using PortCooperation.IntegrationTests.Web;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Activities;

/// <summary>
/// One date style per language wherever a visitor meets an activity's time: the activity page (with its registration
/// deadline), the confirmation mail and the calendar file's description all write the same words, with the zone
/// named for people.
/// </summary>
public sealed class DateStyleTests
{
    private const string Minus = "\u2212";

    [Theory]
    [InlineData("en", "Thursday 16 December 2032, 11:00 – 12:30 New York time (UTC" + Minus + "5)",
        "Registration closes: Tuesday 14 December 2032, 23:59 New York time (UTC" + Minus + "5).")]
    [InlineData("es", "jueves 16 de diciembre de 2032, 11:00 – 12:30 hora de Nueva York (UTC" + Minus + "5)",
        "Cierre de inscripciones: martes 14 de diciembre de 2032, 23:59 hora de Nueva York (UTC" + Minus + "5).")]
    public async Task ThePage_TheMail_AndTheCalendarFile_WriteTheTimeAlike(string language, string when, string deadline)
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity(a =>
        {
            a.TimeZoneId = "America/New_York";
            a.StartsAtUtc = new DateTime(2032, 12, 16, 16, 0, 0, DateTimeKind.Utc);
            a.EndsAtUtc = a.StartsAtUtc.AddMinutes(90);
            a.RegistrationClosesAtUtc = new DateTime(2032, 12, 15, 4, 59, 0, DateTimeKind.Utc);
        });
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();

        var page = await client.GetDocumentAsync($"/activities/{activity.Slug}?culture={language}");
        Squash(page.QuerySelector(".fact-list__item dd")!.TextContent).ShouldStartWith(when);
        page.QuerySelectorAll(".fact-list__note").Select(n => Squash(n.TextContent)).ShouldContain(deadline);
        page.Body!.TextContent.ShouldNotContain("America/New_York");

        using (var posted = await client.PostRegistrationAsync(activity.Slug, Fields(language: language)))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var mail = (await factory.OutboxAsync()).ShouldHaveSingleItem();
        mail.BodyText.ShouldContain(when);
        WebUtility.HtmlDecode(mail.BodyHtml.ShouldNotBeNull()).ShouldContain(when);
        var calendarEvent = Calendar.Load(mail.CalendarAttachment.ShouldNotBeNull())!.Events.ShouldHaveSingleItem();
        calendarEvent.Description.ShouldNotBeNull().ShouldStartWith(when);

        var download = Calendar.Load(await client.GetStringAsync($"/activities/{activity.Slug}.ics?culture={language}"))!.Events.ShouldHaveSingleItem();
        download.Description.ShouldNotBeNull().ShouldStartWith(when);
    }
}
