using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Mail;
using PortCooperation.Web.Services.Registrations;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Mail;

/// <summary>Registration mails against a real SMTP server on loopback (in-process), delivery driven by the test.</summary>
public sealed class MailDeliveryTests
{
    private static WebFactory Factory(SmtpSink sink, IDictionary<string, string?>? more = null)
    {
        var settings = sink.AppSettings();
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new WebFactory(settings: Settings(settings));
    }

    private static async Task<int> DeliverAsync(WebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
    }

    private static async Task RegisterAsync(WebFactory factory, HttpClient client, Activity activity, string email, string language)
    {
        using var response = await client.PostRegistrationAsync(activity.Slug, Fields(email: email, language: language));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task EveryRegistrationMail_ArrivesOnce_InTheRegistrantsLanguage_WithTextHtmlAndTheirPrivateLink()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = Factory(sink);
        var open = OpenActivity(a => { a.Capacity = 1; a.WaitingListEnabled = true; });
        var approval = OpenActivity(a => { a.RequiresApproval = true; a.TitleEn = "Port environmental course"; a.TitleEs = "Curso de gestión ambiental portuaria"; });
        await factory.AddAsync(open, approval);
        var client = factory.CreateBrowserLikeClient();
        await RegisterAsync(factory, client, open, "ana@example.org", "es");        // Confirmation (es)
        await RegisterAsync(factory, client, open, "bob@example.org", "en");        // Waitlisted (en)
        await RegisterAsync(factory, client, approval, "carla@example.org", "es");  // Pending (es)
        await RegisterAsync(factory, client, approval, "dan@example.org", "en");    // Pending (en)
        var ana = (await factory.RegistrationsAsync(open.Id))[0];
        var pending = await factory.RegistrationsAsync(approval.Id);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<RegistrationService>();
            await service.CancelAsync(ana.AccessToken, CancellationToken.None);                                       // CancelledByRegistrant (es) + Promoted (en)
            await service.DecideAsync(approval.Id, [pending[0].Id], approve: true, null, CancellationToken.None);     // Approved (es)
            await service.DecideAsync(approval.Id, [pending[1].Id], approve: false, "Sorry <b>Dan</b>", CancellationToken.None); // Rejected (en)
        }

        (await DeliverAsync(factory)).ShouldBe(8);
        (await DeliverAsync(factory)).ShouldBe(0);

        var mails = sink.Messages();
        mails.Count.ShouldBe(8);
        mails.Select(m => m.MessageId).Distinct().Count().ShouldBe(8);
        var byKind = mails.GroupBy(m => m.IdempotencyKey.Split(':')[0]).ToDictionary(g => g.Key, g => g.ToList());
        byKind.Keys.Order().ShouldBe(["Approved", "CancelledByRegistrant", "Confirmation", "Pending", "Promoted", "Rejected", "Waitlisted"]);
        byKind["Confirmation"].ShouldHaveSingleItem().Subject.ShouldBe("Inscripción confirmada: Port logistics webinar (ES)");
        byKind["Waitlisted"].ShouldHaveSingleItem().Subject.ShouldBe("You are on the waiting list: Port logistics webinar");
        byKind["Promoted"].ShouldHaveSingleItem().Subject.ShouldBe("A place is free for you: Port logistics webinar");
        byKind["CancelledByRegistrant"].ShouldHaveSingleItem().Subject.ShouldBe("Inscripción cancelada: Port logistics webinar (ES)");
        byKind["Pending"].Select(m => m.Subject).Order().ShouldBe(["Inscripción recibida: Curso de gestión ambiental portuaria", "Registration received: Port environmental course"]);
        byKind["Approved"].ShouldHaveSingleItem().Subject.ShouldBe("Inscripción aprobada: Curso de gestión ambiental portuaria");
        var rejected = byKind["Rejected"].ShouldHaveSingleItem();
        rejected.Subject.ShouldBe("Registration not accepted: Port environmental course");
        rejected.Html!.ShouldContain("Sorry &lt;b&gt;Dan&lt;/b&gt;");
        rejected.Text!.ShouldContain("Sorry <b>Dan</b>");
        var registrations = (await factory.RegistrationsAsync(open.Id)).Concat(await factory.RegistrationsAsync(approval.Id)).ToList();
        foreach (var mail in mails)
        {
            var registration = registrations.Single(r => r.Email == mail.To.Single());
            mail.Text!.ShouldContain($"https://portal.example.org/registrations/{registration.AccessToken}");
            mail.Html!.ShouldContain($"href=\"https://portal.example.org/registrations/{registration.AccessToken}\"");
            mail.Html!.ShouldContain($"<html lang=\"{registration.Language}\">");
        }

        foreach (var kind in new[] { "Confirmation", "Promoted", "Approved", "CancelledByRegistrant" })
        {
            var mail = byKind[kind].Single();
            var ics = mail.Attachments.ShouldHaveSingleItem();
            ics.ContentType.ShouldBe("text/calendar");
            ics.Filename.ShouldBe("invitation.ics");
            AssertValidCalendar(ics.Content, kind == "CancelledByRegistrant" ? "CANCEL" : "REQUEST", mail.To.Single());
        }

        foreach (var mail in mails)
        {
            var kind = mail.IdempotencyKey.Split(':')[0];
            var activity = registrations.Single(r => r.Email == mail.To.Single()).ActivityId == open.Id ? open : approval;
            mail.ShouldBeWellFormed(activity, kind switch
            {
                "Confirmation" or "Promoted" or "Approved" => "REQUEST",
                "CancelledByRegistrant" => "CANCEL",
                _ => null,
            });
        }

        byKind["Waitlisted"][0].Attachments.ShouldBeEmpty();
        byKind["Confirmation"][0].Attachments[0].Content.ShouldContain($"UID:activity-{open.Id}@portcooperation");
        byKind["Confirmation"][0].Text!.ShouldContain("https://meet.example.org/j/123");
        byKind["Waitlisted"][0].Text!.ShouldNotContain("https://meet.example.org/j/123");
        (await factory.OutboxAsync()).ShouldAllBe(m => m.Status == OutboxStatus.Sent && m.Attempts == 1);
    }

    /// <summary>An RFC 5545 calendar with one event addressed to the registrant, lines folded at 75 octets.</summary>
    private static void AssertValidCalendar(string ics, string method, string attendee)
    {
        var lines = ics.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        lines[0].ShouldBe("BEGIN:VCALENDAR");
        lines[^1].ShouldBe("END:VCALENDAR");
        lines.ShouldContain("VERSION:2.0");
        lines.ShouldContain("METHOD:" + method);
        lines.Count(l => l == "BEGIN:VEVENT").ShouldBe(1);
        lines.Count(l => l == "END:VEVENT").ShouldBe(1);
        lines.ShouldContain(l => l.StartsWith("DTSTART", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("DTEND", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("UID:activity-", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("SEQUENCE:", StringComparison.Ordinal));
        string.Join("", lines.Select(l => l.TrimStart(' '))).ShouldContain("mailto:" + attendee);
        lines.ShouldAllBe(l => System.Text.Encoding.UTF8.GetByteCount(l) <= 75);
        if (method == "CANCEL")
        {
            lines.ShouldContain("STATUS:CANCELLED");
        }
    }

    [Fact]
    public async Task WithTheMailServerDown_VisitorsStillGetTheirConfirmationPage_MailsWait_AndArriveExactlyOnceWhenItIsBack()
    {
        await using var sink = new SmtpSink();
        using var factory = Factory(sink, new Dictionary<string, string?> { ["Mail:RetryBaseDelay"] = "00:00:00" });
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostRegistrationAsync(activity.Slug, Fields(email: $"p{i}@example.org"));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await client.GetAsync(response.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await DeliverAsync(factory)).ShouldBe(0);
        var waiting = await factory.OutboxAsync();
        waiting.Count.ShouldBe(3);
        waiting.ShouldAllBe(m => m.Status == OutboxStatus.Pending && m.Attempts == 1 && m.LastError != null);

        await sink.StartAsync();
        (await DeliverAsync(factory)).ShouldBe(3);
        (await DeliverAsync(factory)).ShouldBe(0);

        sink.Messages().Count.ShouldBe(3);
        sink.Messages().Select(m => m.To.Single()).Order().ShouldBe(["p0@example.org", "p1@example.org", "p2@example.org"]);
        (await factory.OutboxAsync()).ShouldAllBe(m => m.Status == OutboxStatus.Sent && m.Attempts == 2 && m.LastError == null);
    }

    [Fact]
    public async Task FailedTries_BackOffExponentially_EndInTheDeadLetterState_AndAResendDeliversIt()
    {
        await using var sink = new SmtpSink();
        var now = WebFactory.DefaultNow.UtcDateTime;
        using var factory = Factory(sink, new Dictionary<string, string?> { ["Mail:MaxAttempts"] = "3", ["Mail:RetryBaseDelay"] = "00:01:00" });
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        await RegisterAsync(factory, factory.CreateBrowserLikeClient(), activity, "p@example.org", "en");

        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await DeliverAsync(factory)).ShouldBe(0);
            var mail = (await factory.OutboxAsync()).Single();
            mail.Attempts.ShouldBe(attempt);
            delays.Add(mail.NextAttemptAtUtc - now);
            // Make the next try due without moving the clock: the test counts tries, it never waits.
            if (attempt < 3)
            {
                await factory.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, now)));
            }
        }

        delays.Take(2).ShouldBe([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)]);
        var dead = (await factory.OutboxAsync()).Single();
        dead.Status.ShouldBe(OutboxStatus.DeadLetter);
        dead.LastError!.ShouldNotBeEmpty();
        await factory.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, now)));
        (await DeliverAsync(factory)).ShouldBe(0);

        await sink.StartAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().ResendAsync(dead.Id, CancellationToken.None)).ShouldBeTrue();
        }

        (await DeliverAsync(factory)).ShouldBe(1);
        sink.Messages().ShouldHaveSingleItem();
        (await factory.OutboxAsync()).Single().Status.ShouldBe(OutboxStatus.Sent);
    }

    [Fact]
    public async Task AMailClaimedByADeliveryProcessThatDied_IsDeliveredOnceAfterItsLease_AndALiveClaimIsLeftAlone()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        var now = WebFactory.DefaultNow.UtcDateTime;
        using var factory = Factory(sink);
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        await RegisterAsync(factory, client, activity, "dead-claim@example.org", "en");
        await RegisterAsync(factory, client, activity, "live-claim@example.org", "en");
        var rows = await factory.OutboxAsync();
        // The first mail was claimed by a process killed mid-send (lease expired); the second is being sent right now
        // by another live process (lease still running).
        await factory.WithDbAsync(async db =>
        {
            await db.OutboxMessages.Where(m => m.Id == rows[0].Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.Attempts, 1)
                .SetProperty(m => m.LockedBy, "killed-process").SetProperty(m => m.LockedUntilUtc, now.AddSeconds(-1)));
            await db.OutboxMessages.Where(m => m.Id == rows[1].Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.Attempts, 1)
                .SetProperty(m => m.LockedBy, "other-live-process").SetProperty(m => m.LockedUntilUtc, now.AddMinutes(1)));
        });

        var deliveries = await Task.WhenAll(DeliverAsync(factory), DeliverAsync(factory), DeliverAsync(factory));

        deliveries.Sum().ShouldBe(1);
        sink.Messages().ShouldHaveSingleItem().To.ShouldBe(["dead-claim@example.org"]);
        var after = await factory.OutboxAsync();
        after[0].Status.ShouldBe(OutboxStatus.Sent);
        after[0].Attempts.ShouldBe(2);
        after[1].Status.ShouldBe(OutboxStatus.Sending);
        after[1].LockedBy.ShouldBe("other-live-process");
    }

    [Fact]
    public async Task ByDefault_MailGoesToThePickupFolder_OneFilePerMail_EvenWhenDeliveredTwice()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        await RegisterAsync(factory, factory.CreateBrowserLikeClient(), activity, "pickup@example.org", "es");

        (await DeliverAsync(factory)).ShouldBe(1);
        var mail = (await factory.OutboxAsync()).Single();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().ResendAsync(mail.Id, CancellationToken.None);
        }

        (await DeliverAsync(factory)).ShouldBe(1);

        var files = Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail-pickup"), "*.eml");
        var eml = await MimeKit.MimeMessage.LoadAsync(files.ShouldHaveSingleItem());
        eml.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("pickup@example.org");
        ("<" + eml.MessageId + ">").ShouldBe(OutboxMailMessage.MessageId(mail));
        eml.BodyParts.OfType<MimeKit.TextPart>().Count(p => p.IsPlain).ShouldBe(1);
    }
}
