using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Mail;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Registrations;

/// <summary>
/// Staff postpone, re-time or cancel an activity through the staff screens: every active registrant gets a notice,
/// written with the change, carrying an updated (same UID, higher SEQUENCE) or cancelling .ics.
/// </summary>
public abstract partial class ActivityChangeNoticeTests
{
    protected abstract Task<WebFactory> CreateFactoryAsync();

    private static async Task<List<OutboxMessage>> MailsAsync(WebFactory factory, MailKind kind) =>
        [.. (await factory.OutboxAsync()).Where(m => m.IdempotencyKey.StartsWith(kind + ":", StringComparison.Ordinal)).OrderBy(m => m.ToAddress)];

    private static int Sequence(string ics) => int.Parse(SequencePattern().Match(ics).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"SEQUENCE:(\d+)")]
    private static partial Regex SequencePattern();

    protected async Task PostponeEditAndCancel_MailEveryActiveRegistrant_WithAnUpdatedOrCancellingCalendar()
    {
        using var factory = await CreateFactoryAsync();
        var activity = OpenActivity(a => { a.Capacity = 1; a.WaitingListEnabled = true; a.TimeZoneId = "America/Lima"; });
        await factory.AddAsync(activity);
        var visitor = factory.CreateBrowserLikeClient();
        foreach (var (email, language) in new[] { ("ana@example.org", "es"), ("bob@example.org", "en"), ("cat@example.org", "en") })
        {
            (await visitor.PostRegistrationAsync(activity.Slug, Fields(email: email, language: language))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // cat leaves the waiting list: no notices for her.
        var cat = (await factory.RegistrationsAsync(activity.Id)).Single(r => r.NormalizedEmail == "cat@example.org");
        (await visitor.SubmitAsync($"/registrations/{cat.AccessToken}/cancel", $"form[action='/registrations/{cat.AccessToken}/cancel']", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var confirmationIcs = (await factory.OutboxAsync()).Single(m => m.IdempotencyKey.StartsWith("Confirmation:", StringComparison.Ordinal)).CalendarAttachment!;
        var staff = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/Edit/{activity.Id}";

        // A stale postpone (another version) changes nothing and mails no one.
        using (var stale = await staff.SubmitAsync(url, $"form[action$='/Postpone/{activity.Id}']", new() { ["NewStarts"] = "2032-03-20T10:00", ["ReasonEn"] = "Elections", ["Version"] = "999" }))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await MailsAsync(factory, MailKind.ActivityChanged)).ShouldBeEmpty();

        using (var postponed = await staff.SubmitAsync(url, $"form[action$='/Postpone/{activity.Id}']", new()
        {
            ["NewStarts"] = "2032-03-20T10:00", ["ReasonEn"] = "Elections in the host country", ["ReasonEs"] = "Elecciones en el país anfitrión",
        }))
        {
            postponed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var changed = await MailsAsync(factory, MailKind.ActivityChanged);
        changed.Select(m => m.ToAddress).ShouldBe(["ana@example.org", "bob@example.org"]);
        var ana = changed[0];
        ana.Subject.ShouldBe("Nueva fecha: Port logistics webinar (ES)");
        ana.BodyText.ShouldContain("Elecciones en el país anfitrión");
        ana.BodyText.ShouldContain("https://meet.example.org/j/123");
        ana.CalendarAttachment!.ShouldContain("METHOD:REQUEST");
        ana.CalendarAttachment!.ShouldContain($"UID:activity-{activity.Id}@portcooperation");
        ana.CalendarAttachment!.ShouldContain("DTSTART:20320320T150000Z");
        Sequence(ana.CalendarAttachment!).ShouldBeGreaterThan(Sequence(confirmationIcs));
        var bob = changed[1];
        bob.Subject.ShouldBe("New date: Port logistics webinar");
        bob.BodyText.ShouldContain("Elections in the host country");
        bob.BodyText.ShouldNotContain("https://meet.example.org/j/123");
        bob.CalendarAttachment.ShouldBeNull();

        // A new time through the edit form: a second notice, with a higher SEQUENCE again.
        using (var edited = await staff.SubmitAsync(url, "#activity-form", new() { ["Starts"] = "2032-03-20T11:00", ["Ends"] = "2032-03-20T13:00" }))
        {
            edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        changed = await MailsAsync(factory, MailKind.ActivityChanged);
        changed.Count.ShouldBe(4);
        var retimed = changed.Where(m => m.ToAddress == "ana@example.org").OrderBy(m => m.Id).Last();
        retimed.CalendarAttachment!.ShouldContain("DTSTART:20320320T160000Z");
        Sequence(retimed.CalendarAttachment!).ShouldBeGreaterThan(Sequence(ana.CalendarAttachment!));
        retimed.BodyText.ShouldNotContain("Elecciones");

        // Saving the form without touching the dates mails no one.
        (await staff.SubmitAsync(url, "#activity-form", new() { ["SummaryEn"] = "Now with a summary" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MailsAsync(factory, MailKind.ActivityChanged)).Count.ShouldBe(4);

        using (var cancelled = await staff.SubmitAsync(url, $"form[action$='/Cancel/{activity.Id}']", new() { ["ReasonEn"] = "No budget", ["ReasonEs"] = "Sin presupuesto" }))
        {
            cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var cancellations = await MailsAsync(factory, MailKind.ActivityCancelled);
        cancellations.Select(m => m.ToAddress).ShouldBe(["ana@example.org", "bob@example.org"]);
        cancellations[0].Subject.ShouldBe("Cancelada: Port logistics webinar (ES)");
        cancellations[0].BodyText.ShouldContain("Sin presupuesto");
        cancellations.ShouldAllBe(m => m.CalendarAttachment!.Contains("METHOD:CANCEL") && m.CalendarAttachment.Contains("STATUS:CANCELLED"));
        cancellations.ShouldAllBe(m => !m.BodyText.Contains("https://meet.example.org/j/123"));

        // Marking the cancelled activity held afterwards, or cancelling again, sends nothing more.
        (await staff.SubmitAsync(url, $"form[action$='/MarkHeld/{activity.Id}']", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.OutboxAsync()).Count(m => m.IdempotencyKey.StartsWith("Activity", StringComparison.Ordinal)).ShouldBe(6);
    }

    protected async Task APastActivity_CorrectedByStaff_MailsNoOne()
    {
        using var factory = await CreateFactoryAsync();
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        (await factory.CreateBrowserLikeClient().PostRegistrationAsync(activity.Slug, Fields())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        factory.Clock.Now = activity.EndsAtUtc.AddDays(30);
        var staff = await factory.SignedInStaffAsync();

        (await staff.SubmitAsync($"/Admin/Activities/Edit/{activity.Id}", "#activity-form", new() { ["Starts"] = "2032-03-11T08:00", ["Ends"] = "2032-03-11T10:00" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id))).StartsAtUtc.ShouldBe(new DateTime(2032, 3, 11, 13, 0, 0, DateTimeKind.Utc));
        (await factory.OutboxAsync()).ShouldAllBe(m => m.IdempotencyKey.StartsWith("Confirmation:", StringComparison.Ordinal));
    }
}

public sealed class ActivityChangeNoticesOnSqlite : ActivityChangeNoticeTests
{
    protected override Task<WebFactory> CreateFactoryAsync() => Task.FromResult(new WebFactory(settings: Settings()));

    [Fact]
    public Task PostponeEditAndCancel_MailEveryActiveRegistrant() => PostponeEditAndCancel_MailEveryActiveRegistrant_WithAnUpdatedOrCancellingCalendar();

    [Fact]
    public Task APastActivityCorrectedByStaff_MailsNoOne() => APastActivity_CorrectedByStaff_MailsNoOne();
}

[Collection(PostgresCollection.Name)]
public sealed class ActivityChangeNoticesOnPostgres(PostgresCluster cluster) : ActivityChangeNoticeTests
{
    protected override async Task<WebFactory> CreateFactoryAsync() => new(settings: Settings(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSQL",
        ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync("notices"),
    }));

    [PostgresFact]
    public Task PostponeEditAndCancel_MailEveryActiveRegistrant() => PostponeEditAndCancel_MailEveryActiveRegistrant_WithAnUpdatedOrCancellingCalendar();
}
