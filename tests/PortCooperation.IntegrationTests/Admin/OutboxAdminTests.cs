using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>/Admin/Outbox: mails by delivery state, recipient search, one mail's detail, resend of a dead letter.</summary>
public sealed class OutboxAdminTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    private static OutboxMessage Mail(string to, OutboxStatus status, int attempts, string? error = null) => new()
    {
        IdempotencyKey = $"Confirmation:registration:{Guid.NewGuid():N}",
        CreatedAtUtc = Now.AddHours(-1),
        NextAttemptAtUtc = Now.AddMinutes(10),
        ToAddress = to,
        ToName = "Recipient",
        Subject = "Registration confirmed: <Port> webinar",
        BodyText = "Hello <b>there</b>",
        Status = status,
        Attempts = attempts,
        LastError = error,
        SentAtUtc = status == OutboxStatus.Sent ? Now.AddMinutes(-50) : null,
    };

    [Fact]
    public async Task List_CountsEachState_FiltersAndSearches_InAtMostFiveSqlCommands()
    {
        using var factory = new WebFactory();
        var dead = Mail("dead@example.org", OutboxStatus.DeadLetter, 6, "SmtpException: mailbox unavailable");
        await factory.AddAsync(
            Mail("new@example.org", OutboxStatus.Pending, 0), Mail("retry@example.org", OutboxStatus.Pending, 2, "SmtpException: timeout"),
            Mail("sent1@example.org", OutboxStatus.Sent, 1), Mail("sent2@example.org", OutboxStatus.Sent, 1), dead);
        var client = await factory.SignedInStaffAsync();
        await client.PageAsync("/Admin/Audit");

        factory.SqlCommands.Reset();
        var page = await client.PageAsync("/Admin/Outbox");
        factory.SqlCommands.Count.ShouldBeLessThanOrEqualTo(5);

        string Count(string key) => page.QuerySelector($"[data-count={key}]")!.TextContent;
        (Count("all"), Count("pending"), Count("retrying"), Count("sending"), Count("sent"), Count("deadletter")).ShouldBe(("5", "1", "1", "0", "2", "1"));
        (await RecipientsAsync(client, "/Admin/Outbox?status=deadletter")).ShouldBe(["dead@example.org"]);
        (await RecipientsAsync(client, "/Admin/Outbox?status=retrying")).ShouldBe(["retry@example.org"]);
        (await RecipientsAsync(client, "/Admin/Outbox?status=sent&q=SENT2")).ShouldBe(["sent2@example.org"]);
        (await RecipientsAsync(client, "/Admin/Outbox?status=bogus&page=x")).Count.ShouldBe(5);
        page.QuerySelector("#outbox")!.InnerHtml.ShouldContain("&lt;Port&gt;");
    }

    [Fact]
    public async Task Detail_ShowsTheError_AndResendPutsADeadLetterBackInTheQueue()
    {
        using var factory = new WebFactory();
        var dead = Mail("dead@example.org", OutboxStatus.DeadLetter, 6, "SmtpException: mailbox unavailable");
        await factory.AddAsync(dead);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Outbox/Details/{dead.Id}";
        var page = await client.PageAsync(url);
        page.QuerySelector("#mail-state")!.TextContent.ShouldBe("Dead letter");
        page.QuerySelector("#mail-error")!.TextContent.ShouldBe("SmtpException: mailbox unavailable");
        page.QuerySelector("#mail-text")!.TextContent.ShouldBe("Hello <b>there</b>");

        using var response = await client.SubmitAsync(page, "#resend-form", [], url);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        (saved.Status, saved.Attempts, saved.NextAttemptAtUtc, saved.LastError).ShouldBe((OutboxStatus.Pending, 0, Now, (string?)null));
        (await client.PageAsync(url)).QuerySelector("[role=status]")!.TextContent.ShouldContain("back in the queue");
        (await client.GetAsync("/Admin/Outbox/Details/99999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Detail_DoesNotShowTheRegistrantsPrivateLink()
    {
        using var factory = new WebFactory();
        var mail = Mail("registrant@example.org", OutboxStatus.Sent, 1);
        mail.BodyText = "Manage your registration: https://portal.example.org/registrations/Secret-Token_0123456789abcdefXYZ";
        mail.BodyHtml = "<a href=\"https://portal.example.org/registrations/Secret-Token_0123456789abcdefXYZ\">Manage</a>";
        await factory.AddAsync(mail);
        var client = await factory.SignedInStaffAsync();

        using var response = await client.GetAsync($"/Admin/Outbox/Details/{mail.Id}");

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("Secret-Token_0123456789abcdefXYZ");
        System.Net.WebUtility.HtmlDecode(html).ShouldContain("/registrations/…");
    }

    private static async Task<List<string>> RecipientsAsync(HttpClient client, string url) =>
        [.. (await client.PageAsync(url)).QuerySelectorAll("#outbox tbody tr td:first-child").Select(td => td.TextContent.Trim())];
}
