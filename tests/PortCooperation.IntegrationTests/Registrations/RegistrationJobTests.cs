using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Mail;
using PortCooperation.Web.Services.Registrations;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Registrations;

/// <summary>The reminder, after-event and retention jobs, driven by moving the app's clock (never by waiting).</summary>
public sealed class RegistrationJobTests
{
    private static async Task<int> RunAsync<TJob>(WebFactory factory) where TJob : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<TJob>() switch
        {
            ReminderJob job => await job.RunAsync(CancellationToken.None),
            AfterEventJob job => await job.RunAsync(CancellationToken.None),
            RetentionJob job => await job.RunAsync(CancellationToken.None),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task RegisterAsync(HttpClient client, Activity activity, string email, string language = "en")
    {
        using var response = await client.PostRegistrationAsync(activity.Slug, Fields(email: email, language: language));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task CancelAsync(WebFactory factory, Activity activity, string email)
    {
        var registration = (await factory.RegistrationsAsync(activity.Id)).Single(r => r.NormalizedEmail == email);
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<RegistrationService>().CancelAsync(registration.AccessToken, CancellationToken.None)).ShouldBeTrue();
    }

    private static async Task<List<OutboxMessage>> MailsAsync(WebFactory factory, MailKind kind) =>
        [.. (await factory.OutboxAsync()).Where(m => m.IdempotencyKey.StartsWith(kind + ":", StringComparison.Ordinal))];

    [Fact]
    public async Task Reminder_GoesOnceToEachConfirmedRegistrant_AtTheLeadTime_InTheirLanguage_WithJoinLinkAndCalendar()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity(a => { a.Capacity = 3; a.WaitingListEnabled = true; });
        var cancelledActivity = OpenActivity(a => a.TitleEn = "Cancelled webinar");
        await factory.AddAsync(activity, cancelledActivity);
        var client = factory.CreateBrowserLikeClient();
        await RegisterAsync(client, activity, "ana@example.org", "es");
        await RegisterAsync(client, activity, "bob@example.org");
        await RegisterAsync(client, activity, "cat@example.org");
        await RegisterAsync(client, activity, "dan@example.org");   // waiting list
        await CancelAsync(factory, activity, "bob@example.org");    // dan is promoted
        await RegisterAsync(client, cancelledActivity, "dora@example.org");
        await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == cancelledActivity.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.Cancelled)));
        var starts = activity.StartsAtUtc;

        factory.Clock.Now = starts.AddHours(-25);
        (await RunAsync<ReminderJob>(factory)).ShouldBe(0);

        factory.Clock.Now = starts.AddHours(-23);
        (await RunAsync<ReminderJob>(factory)).ShouldBe(3);
        (await RunAsync<ReminderJob>(factory)).ShouldBe(0);

        // A place freed after the reminder moment goes to someone who registers now: they get no reminder.
        factory.Clock.Now = starts.AddHours(-20);
        await CancelAsync(factory, activity, "cat@example.org");
        await RegisterAsync(client, activity, "eve@example.org");
        (await factory.RegistrationsAsync(activity.Id)).Single(r => r.NormalizedEmail == "eve@example.org").Status.ShouldBe(RegistrationStatus.Confirmed);
        (await RunAsync<ReminderJob>(factory)).ShouldBe(0);
        factory.Clock.Now = starts.AddMinutes(-1);
        (await RunAsync<ReminderJob>(factory)).ShouldBe(0);

        var registrations = await factory.RegistrationsAsync(activity.Id);
        var reminders = await MailsAsync(factory, MailKind.Reminder);
        reminders.Select(m => m.ToAddress).Order().ShouldBe(["ana@example.org", "cat@example.org", "dan@example.org"]);
        reminders.Single(m => m.ToAddress == "ana@example.org").Subject.ShouldBe("Recordatorio: Port logistics webinar (ES)");
        reminders.Single(m => m.ToAddress == "dan@example.org").Subject.ShouldBe("Reminder: Port logistics webinar");
        foreach (var reminder in reminders)
        {
            var registration = registrations.Single(r => r.Email == reminder.ToAddress);
            reminder.RegistrationId.ShouldBe(registration.Id);
            reminder.BodyText.ShouldContain("https://meet.example.org/j/123");
            reminder.BodyHtml!.ShouldContain($"https://portal.example.org/registrations/{registration.AccessToken}");
            reminder.CalendarAttachment!.ShouldContain("METHOD:REQUEST");
            reminder.CalendarAttachment!.ShouldContain($"UID:activity-{activity.Id}@portcooperation");
        }

        // Delivered to the pickup folder like every other mail.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(3);
        }

        var files = Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail-pickup"), "*.eml").Select(File.ReadAllText).ToList();
        files.Count(f => f.Contains("X-Portal-Idempotency-Key: Reminder:", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public async Task Reminder_ComesAgainForTheNewDate_OfAPostponedActivity_ButOnlyOnce()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        await RegisterAsync(factory.CreateBrowserLikeClient(), activity, "ana@example.org");
        factory.Clock.Now = activity.StartsAtUtc.AddHours(-2);
        (await RunAsync<ReminderJob>(factory)).ShouldBe(1);

        var newStart = activity.StartsAtUtc.AddDays(7);
        await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == activity.Id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.StartsAtUtc, newStart).SetProperty(a => a.EndsAtUtc, newStart.AddHours(2)).SetProperty(a => a.Status, ActivityStatus.Postponed)));
        (await RunAsync<ReminderJob>(factory)).ShouldBe(0);
        factory.Clock.Now = newStart.AddHours(-3);
        (await RunAsync<ReminderJob>(factory)).ShouldBe(1);
        (await RunAsync<ReminderJob>(factory)).ShouldBe(0);
        (await MailsAsync(factory, MailKind.Reminder)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task AfterEventMail_GoesOnceToAttendees_SomeHoursAfterTheEnd_NeverForACancelledOrLongPastActivity()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        var cancelled = OpenActivity(a => a.TitleEn = "Cancelled webinar");
        await factory.AddAsync(activity, cancelled);
        var client = factory.CreateBrowserLikeClient();
        await RegisterAsync(client, activity, "ana@example.org", "es");
        await RegisterAsync(client, activity, "bob@example.org");
        await RegisterAsync(client, activity, "cat@example.org");
        await RegisterAsync(client, cancelled, "dora@example.org");
        await factory.WithDbAsync(async db =>
        {
            await db.Registrations.Where(r => r.NormalizedEmail == "ana@example.org" || r.NormalizedEmail == "dora@example.org")
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Attended, true));
            await db.Registrations.Where(r => r.NormalizedEmail == "bob@example.org").ExecuteUpdateAsync(s => s.SetProperty(r => r.Attended, false));
            await db.Activities.Where(a => a.Id == activity.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.Held));
            await db.Activities.Where(a => a.Id == cancelled.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.Cancelled));
        });
        var ends = activity.EndsAtUtc;

        factory.Clock.Now = ends.AddHours(1);
        (await RunAsync<AfterEventJob>(factory)).ShouldBe(0);
        factory.Clock.Now = ends.AddHours(3);
        (await RunAsync<AfterEventJob>(factory)).ShouldBe(1);
        (await RunAsync<AfterEventJob>(factory)).ShouldBe(0);

        // Attendance imported a week later still thanks the person; forty days later it no longer does.
        factory.Clock.Now = ends.AddDays(7);
        await factory.WithDbAsync(db => db.Registrations.Where(r => r.NormalizedEmail == "cat@example.org").ExecuteUpdateAsync(s => s.SetProperty(r => r.Attended, true)));
        (await RunAsync<AfterEventJob>(factory)).ShouldBe(1);
        factory.Clock.Now = ends.AddDays(40);
        await factory.WithDbAsync(db => db.Registrations.Where(r => r.NormalizedEmail == "bob@example.org").ExecuteUpdateAsync(s => s.SetProperty(r => r.Attended, true)));
        (await RunAsync<AfterEventJob>(factory)).ShouldBe(0);

        var mails = await MailsAsync(factory, MailKind.AfterEvent);
        mails.Select(m => m.ToAddress).ShouldBe(["ana@example.org", "cat@example.org"]);
        mails[0].Subject.ShouldBe("Gracias por participar: Port logistics webinar (ES)");
        mails[1].Subject.ShouldBe("Thank you for taking part: Port logistics webinar");
        mails[0].BodyText.ShouldNotContain("https://meet.example.org/j/123");
        mails[0].CalendarAttachment.ShouldBeNull();
    }

    [Fact]
    public async Task Retention_AnonymisesRegistrantsAfterTheConfiguredDays_KeepingCountryGenderAndAttendance()
    {
        using var factory = new WebFactory(settings: Settings(new Dictionary<string, string?> { ["Registration:RetentionDays"] = "30" }));
        var past = OpenActivity();
        var later = OpenActivity(a => { a.StartsAtUtc = a.StartsAtUtc.AddDays(20); a.EndsAtUtc = a.EndsAtUtc.AddDays(20); });
        await factory.AddAsync(past, later);
        var client = factory.CreateBrowserLikeClient();
        await RegisterAsync(client, past, "ana@example.org");
        await RegisterAsync(client, past, "bob@example.org");
        await RegisterAsync(client, later, "cat@example.org");
        await factory.WithDbAsync(db => db.Registrations.Where(r => r.NormalizedEmail == "ana@example.org").ExecuteUpdateAsync(s => s.SetProperty(r => r.Attended, true)));

        factory.Clock.Now = past.EndsAtUtc.AddDays(29);
        (await RunAsync<RetentionJob>(factory)).ShouldBe(0);
        factory.Clock.Now = past.EndsAtUtc.AddDays(30).AddMinutes(1);
        (await RunAsync<RetentionJob>(factory)).ShouldBe(2);
        (await RunAsync<RetentionJob>(factory)).ShouldBe(0);

        var anonymised = await factory.RegistrationsAsync(past.Id);
        anonymised.ShouldAllBe(r => r.FullName == "" && r.Email == "" && r.OrganisationName == null && r.Position == null && r.AnonymisedAtUtc != null);
        anonymised.ShouldAllBe(r => r.Gender == Gender.Female && r.CountryId != null && r.Status == RegistrationStatus.Confirmed);
        anonymised.Select(r => r.Attended).ShouldBe([true, null]);
        (await factory.OutboxAsync()).ShouldNotContain(m => m.ToAddress == "ana@example.org" || m.ToAddress == "bob@example.org");
        (await factory.RegistrationsAsync(later.Id)).Single().Email.ShouldBe("cat@example.org");
    }

    [Fact]
    public async Task TheJobs_RunBeforeEachDeliveryRound()
    {
        using var factory = new WebFactory(settings: Settings());
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetServices<IPeriodicJob>().Select(j => j.GetType().Name).Order()
            .ShouldBe(["AfterEventJob", "QuarterlyReportJob", "ReminderJob", "RetentionJob"]);
    }
}

/// <summary>The three jobs' queries on PostgreSQL: reminder, after-event and retention, each once.</summary>
[Collection(PortCooperation.IntegrationTests.Infrastructure.PostgresCollection.Name)]
public sealed class RegistrationJobsOnPostgres(PortCooperation.IntegrationTests.Infrastructure.PostgresCluster cluster)
{
    [PortCooperation.IntegrationTests.Infrastructure.PostgresFact]
    public async Task Reminder_AfterEvent_AndRetention_EachHappenOnce()
    {
        using var factory = new WebFactory(settings: Settings(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync("jobs"),
        }));
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        foreach (var email in new[] { "ana@example.org", "bob@example.org" })
        {
            (await client.PostRegistrationAsync(activity.Slug, Fields(email: email))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        async Task<int> RunAsync<TJob>() where TJob : IPeriodicJob
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<TJob>();
            return job switch
            {
                ReminderJob r => await r.RunAsync(CancellationToken.None),
                AfterEventJob a => await a.RunAsync(CancellationToken.None),
                RetentionJob t => await t.RunAsync(CancellationToken.None),
                _ => throw new InvalidOperationException(),
            };
        }

        factory.Clock.Now = activity.StartsAtUtc.AddHours(-1);
        (await RunAsync<ReminderJob>()).ShouldBe(2);
        (await RunAsync<ReminderJob>()).ShouldBe(0);

        await factory.WithDbAsync(db => db.Registrations.Where(r => r.NormalizedEmail == "ana@example.org").ExecuteUpdateAsync(s => s.SetProperty(r => r.Attended, true)));
        factory.Clock.Now = activity.EndsAtUtc.AddHours(3);
        (await RunAsync<AfterEventJob>()).ShouldBe(1);
        (await RunAsync<AfterEventJob>()).ShouldBe(0);

        factory.Clock.Now = activity.EndsAtUtc.AddDays(366);
        (await RunAsync<RetentionJob>()).ShouldBe(2);
        (await RunAsync<RetentionJob>()).ShouldBe(0);
        (await factory.RegistrationsAsync(activity.Id)).ShouldAllBe(r => r.Email == "" && r.AnonymisedAtUtc != null && r.CountryId != null);
    }
}
