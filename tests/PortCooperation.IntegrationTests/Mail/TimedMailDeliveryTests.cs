using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Mail;
using PortCooperation.Web.Services.Registrations;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Mail;

/// <summary>
/// The mails that come from time passing or from staff changing an activity — reminder, new date, cancellation and
/// after-event — delivered to a real SMTP server on loopback (in-process): each arrives once, in the registrant's
/// language, with a valid calendar file where one belongs.
/// </summary>
public sealed class TimedMailDeliveryTests
{
    [Fact]
    public async Task Reminder_NewDate_Cancellation_AndAfterEventMails_ArriveOnce_InTheRegistrantsLanguage()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = new WebFactory(settings: Settings(sink.AppSettings()));
        var upcoming = OpenActivity(a => a.TimeZoneId = "America/Lima");
        var held = OpenActivity(a => { a.TitleEn = "Port security course"; a.TitleEs = "Curso de protección portuaria"; a.StartsAtUtc = upcoming.StartsAtUtc.AddDays(-3); a.EndsAtUtc = a.StartsAtUtc.AddHours(2); });
        await factory.AddAsync(upcoming, held);
        var visitor = factory.CreateBrowserLikeClient();
        foreach (var activity in new[] { upcoming, held })
        {
            foreach (var (email, language) in new[] { ("ana@example.org", "es"), ("bob@example.org", "en") })
            {
                using var response = await visitor.PostRegistrationAsync(activity.Slug, Fields(email: email, language: language));
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            }
        }

        (await DeliverAsync(factory)).ShouldBe(4); // the four confirmations
        await factory.WithDbAsync(db => db.Registrations.Where(r => r.ActivityId == held.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Attended, true)));

        // The day before the upcoming webinar, and three hours after the course ended.
        factory.Clock.Now = held.EndsAtUtc.AddHours(3);
        await RunJobsAsync(factory);
        factory.Clock.Now = upcoming.StartsAtUtc.AddHours(-23);
        await RunJobsAsync(factory);
        await RunJobsAsync(factory); // a second round adds nothing

        var staff = await factory.SignedInStaffAsync();
        var edit = $"/Admin/Activities/Edit/{upcoming.Id}";
        using (var postponed = await staff.SubmitAsync(edit, $"form[action$='/Postpone/{upcoming.Id}']", new()
        {
            ["NewStarts"] = "2032-03-25T10:00", ["ReasonEn"] = "Elections", ["ReasonEs"] = "Elecciones",
        }))
        {
            postponed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var cancelled = await staff.SubmitAsync(edit, $"form[action$='/Cancel/{upcoming.Id}']", new() { ["ReasonEn"] = "No budget", ["ReasonEs"] = "Sin presupuesto" }))
        {
            cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await DeliverAsync(factory)).ShouldBe(8);
        (await DeliverAsync(factory)).ShouldBe(0);

        var mails = sink.Messages().Where(m => !m.IdempotencyKey.StartsWith("Confirmation:", StringComparison.Ordinal)).ToList();
        mails.Select(m => m.IdempotencyKey).Distinct().Count().ShouldBe(mails.Count, "no mail arrived twice");
        var byKind = mails.GroupBy(m => m.IdempotencyKey.Split(':')[0]).ToDictionary(g => g.Key, g => g.ToList());
        byKind.Keys.Order().ShouldBe(["ActivityCancelled", "ActivityChanged", "AfterEvent", "Reminder"]);
        foreach (var (kind, group) in byKind)
        {
            group.SelectMany(m => m.To).Order().ToList().ShouldBe(["ana@example.org", "bob@example.org"], customMessage: kind);
            // Spanish registrants get the Spanish title (the test activities' Spanish titles are marked), others the English one.
            var ana = group.Single(m => m.To.Contains("ana@example.org"));
            var bob = group.Single(m => m.To.Contains("bob@example.org"));
            (ana.Subject.Contains("(ES)", StringComparison.Ordinal) || ana.Subject.Contains("Curso de protección portuaria", StringComparison.Ordinal)).ShouldBeTrue($"{kind}: {ana.Subject}");
            bob.Subject.ShouldNotContain("(ES)");
            bob.Subject.ShouldNotContain("Curso");
            ana.Text!.ShouldContain("https://portal.example.org/registrations/");
        }

        foreach (var kind in new[] { "Reminder", "ActivityChanged", "ActivityCancelled" })
        {
            foreach (var mail in byKind[kind])
            {
                var ics = mail.Attachments.Single(a => a.ContentType.StartsWith("text/calendar", StringComparison.OrdinalIgnoreCase)).Content;
                ics.ShouldStartWith("BEGIN:VCALENDAR");
                ics.TrimEnd().ShouldEndWith("END:VCALENDAR");
                ics.ShouldContain($"UID:activity-{upcoming.Id}@portcooperation");
                ics.ShouldContain(kind == "ActivityCancelled" ? "METHOD:CANCEL" : "METHOD:REQUEST");
            }
        }

        foreach (var mail in mails)
        {
            var kind = mail.IdempotencyKey.Split(':')[0];
            mail.ShouldBeWellFormed(calendarMethod: kind switch
            {
                "Reminder" or "ActivityChanged" => "REQUEST",
                "ActivityCancelled" => "CANCEL",
                _ => null,
            });
        }

        byKind["ActivityChanged"].Single(m => m.To.Contains("ana@example.org")).Text!.ShouldContain("Elecciones");
        byKind["ActivityCancelled"].Single(m => m.To.Contains("bob@example.org")).Text!.ShouldContain("No budget");
    }

    private static async Task RunJobsAsync(WebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AfterEventJob>().RunAsync(CancellationToken.None);
    }

    private static async Task<int> DeliverAsync(WebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
    }
}
