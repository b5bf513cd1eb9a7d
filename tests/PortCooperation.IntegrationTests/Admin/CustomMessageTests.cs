using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Mail;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Mail;
using static PortCooperation.IntegrationTests.Admin.RegistrationAdminKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>A custom message to a filtered group: counted first, one outbox row per recipient, queued once, delivered by SMTP.</summary>
public sealed class CustomMessageTests
{
    [Fact]
    public async Task MessageToThoseWhoDidNotAttend_IsQueuedOncePerRecipient_AndArrivesInTheStaffsText()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = new WebFactory(settings: Registrations.RegistrationTestKit.Settings(sink.AppSettings()));
        var activity = NewActivity("Held webinar", WebFactory.DefaultNow.UtcDateTime.AddDays(-2));
        await factory.AddAsync(activity);
        var absent = NewRegistration(activity.Id, "Bruno Díaz", "bruno@example.org", RegistrationStatus.Confirmed, attended: false, language: "es");
        var absentToo = NewRegistration(activity.Id, "Carla Soto", "carla@example.org", RegistrationStatus.Confirmed);
        await factory.AddAsync(
            NewRegistration(activity.Id, "Ana Pérez", "ana@example.org", RegistrationStatus.Confirmed, attended: true),
            absent, absentToo,
            NewRegistration(activity.Id, "Dan Brown", "dan@example.org", RegistrationStatus.Cancelled));
        var client = await factory.SignedInStaffAsync();
        var list = await client.PageAsync($"/Admin/Activities/{activity.Id}/Registrations?status=absent");
        var formUrl = list.QuerySelector("#message-link")!.GetAttribute("href")!;
        formUrl.ShouldBe($"/Admin/Activities/{activity.Id}/Registrations/Message?status=absent");
        var form = await client.PageAsync(formUrl);
        form.QuerySelector("#recipient-count")!.GetAttribute("data-recipients").ShouldBe("2");
        var body = "The recording is online.\n\nWrite to us with <questions> & ideas.";

        using var first = await client.SubmitAsync(form, "#message-form", new() { ["Subject"] = "Webinar recording & slides", ["Body"] = body }, formUrl);
        using var again = await client.SubmitAsync(form, "#message-form", new() { ["Subject"] = "Webinar recording & slides", ["Body"] = body }, formUrl);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PageAsync(again.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent.ShouldContain("already been queued (2 mails)");
        var outbox = await Registrations.RegistrationTestKit.OutboxAsync(factory);
        outbox.Count.ShouldBe(2);
        outbox.Select(m => m.IdempotencyKey.Split(':')[..3]).ShouldBe([["Custom", "registration", absent.Id.ToString()], ["Custom", "registration", absentToo.Id.ToString()]]);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None)).ShouldBe(2);
        }

        var mails = sink.Messages();
        mails.ShouldAllBe(m => m.Message.BodyParts.OfType<MimeKit.TextPart>().Count(p => p.IsPlain) == 1);
        foreach (var mail in mails)
        {
            mail.ShouldBeWellFormed();
        }

        mails.Select(m => m.To.Single()).Order().ShouldBe(["bruno@example.org", "carla@example.org"]);
        mails.ShouldAllBe(m => m.Subject == "Webinar recording & slides");
        var bruno = mails.Single(m => m.To.Single() == "bruno@example.org");
        bruno.Text!.ShouldContain("Write to us with <questions> & ideas.");
        bruno.Text!.ShouldContain($"https://portal.example.org/registrations/{absent.AccessToken}");
        bruno.Html!.ShouldContain("<p>Write to us with &lt;questions&gt; &amp; ideas.</p>");
        bruno.Html!.ShouldContain("<html lang=\"es\">");
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Changes != null && e.Changes.Contains("CustomMessage")).ToListAsync());
        var entry = audit.ShouldHaveSingleItem();
        (entry.UserName, entry.EntityType, entry.EntityId).ShouldBe(("editor@example.org", "Activity", activity.Id.ToString()));
        entry.Changes!.ShouldContain("2 mails queued (group: absent)");
        entry.CorrelationId.ShouldNotBeNullOrWhiteSpace();
        entry.Changes!.ShouldNotContain("example.org");
        entry.Changes!.ShouldNotContain("recording");
    }

    [Fact]
    public async Task Message_WithoutSubjectOrBody_IsRefusedBesideEachField_AndQueuesNothing()
    {
        using var factory = new WebFactory(settings: Registrations.RegistrationTestKit.Settings());
        var activity = NewActivity("Held webinar", WebFactory.DefaultNow.UtcDateTime.AddDays(-2));
        await factory.AddAsync(activity);
        await factory.AddAsync(NewRegistration(activity.Id, "Ana Pérez", "ana@example.org", RegistrationStatus.Confirmed));
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/{activity.Id}/Registrations/Message";

        using var response = await client.SubmitAsync(url, "#message-form", new() { ["Subject"] = " ", ["Body"] = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await ParseAsync(response);
        page.QuerySelector("#m-Subject-error").ShouldNotBeNull();
        page.QuerySelector("#m-Body-error").ShouldNotBeNull();
        page.QuerySelector("#m-Subject")!.GetAttribute("aria-invalid").ShouldBe("true");
        (await Registrations.RegistrationTestKit.OutboxAsync(factory)).ShouldBeEmpty();
        (await client.GetAsync("/Admin/Activities/99999/Registrations/Message")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
