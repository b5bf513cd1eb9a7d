using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Mail;
using SmtpServer.Protocol;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Mail;

/// <summary>
/// How the outbox talks to an SMTP server: transport security, authentication, one connection per delivery round,
/// and what a temporary or a permanent refusal, or a dropped connection, does to a mail. Real server on loopback.
/// </summary>
public sealed class SmtpTransportTests
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

    private static async Task<Activity> RegisterAsync(WebFactory factory, params string[] emails)
    {
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        foreach (var email in emails)
        {
            using var response = await client.PostRegistrationAsync(activity.Slug, Fields(email: email, language: "en"));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        return activity;
    }

    private static async Task MakeDueAsync(WebFactory factory) =>
        await factory.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, WebFactory.DefaultNow.UtcDateTime)));

    [Fact]
    public async Task WithNoSecuritySetting_StartTlsIsUsedWheneverTheServerOffersIt()
    {
        await using var sink = new SmtpSink(SinkSecurity.StartTls);
        await sink.StartAsync();
        using var factory = Factory(sink);
        await RegisterAsync(factory, "tls@example.org");

        (await DeliverAsync(factory)).ShouldBe(1);

        sink.Messages().ShouldHaveSingleItem().Secure.ShouldBeTrue();
    }

    [Fact]
    public async Task StartTlsRequired_AgainstAServerWithoutIt_SendsNothingInClear_AndRetries()
    {
        await using var sink = new SmtpSink(SinkSecurity.Plain);
        await sink.StartAsync();
        using var factory = Factory(sink, new Dictionary<string, string?> { ["Mail:SmtpSecurity"] = "StartTls" });
        await RegisterAsync(factory, "clear@example.org");

        (await DeliverAsync(factory)).ShouldBe(0);

        sink.Messages().ShouldBeEmpty();
        var mail = (await factory.OutboxAsync()).Single();
        mail.Status.ShouldBe(OutboxStatus.Pending);
        mail.LastError!.ShouldContain("STARTTLS");
    }

    [Fact]
    public async Task TlsOnConnect_ThePort465Way_Delivers()
    {
        await using var sink = new SmtpSink(SinkSecurity.TlsOnConnect);
        await sink.StartAsync();
        using var factory = Factory(sink);
        await RegisterAsync(factory, "implicit@example.org");

        (await DeliverAsync(factory)).ShouldBe(1);

        sink.Messages().ShouldHaveSingleItem().Secure.ShouldBeTrue();
    }

    [Fact]
    public async Task AnUntrustedServerCertificate_IsRefused()
    {
        await using var sink = new SmtpSink(SinkSecurity.TlsOnConnect);
        await sink.StartAsync();
        using var factory = Factory(sink, new Dictionary<string, string?> { ["Mail:SmtpTrustedCertificate"] = "" });
        await RegisterAsync(factory, "untrusted@example.org");

        (await DeliverAsync(factory)).ShouldBe(0);

        sink.Messages().ShouldBeEmpty();
        (await factory.OutboxAsync()).Single().Status.ShouldBe(OutboxStatus.Pending);
    }

    [Fact]
    public async Task Authentication_UsesTheConfiguredCredentials_OverTls()
    {
        await using var sink = new SmtpSink(SinkSecurity.StartTls, requireLogin: ("portal", "s3cret-relay"));
        await sink.StartAsync();
        using var factory = Factory(sink);
        await RegisterAsync(factory, "auth@example.org");

        (await DeliverAsync(factory)).ShouldBe(1);

        var mail = sink.Messages().ShouldHaveSingleItem();
        mail.User.ShouldBe("portal");
        mail.Secure.ShouldBeTrue();
    }

    [Fact]
    public async Task ThePassword_IsNeverSentWithoutTls_EvenToAServerThatWouldTakeIt()
    {
        await using var sink = new SmtpSink(SinkSecurity.Plain, requireLogin: ("portal", "s3cret-relay"), loginInClear: true);
        await sink.StartAsync();
        using var factory = Factory(sink);
        await RegisterAsync(factory, "clear-password@example.org");

        (await DeliverAsync(factory)).ShouldBe(0);

        sink.Logins.ShouldBe(0);
        sink.Messages().ShouldBeEmpty();
        var mail = (await factory.OutboxAsync()).Single();
        mail.Status.ShouldBe(OutboxStatus.Pending);
        mail.LastError!.ShouldContain("TLS");
    }

    [Fact]
    public async Task ADeliveryRound_UsesOneConnection_ForAllItsMails()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = Factory(sink);
        await RegisterAsync(factory, "one@example.org", "two@example.org", "three@example.org", "four@example.org");

        (await DeliverAsync(factory)).ShouldBe(4);

        sink.Messages().Count.ShouldBe(4);
        sink.Messages().Select(m => m.Session).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ATemporaryRefusal_4xx_IsRetriedWithTheBackOff_AndTheNextMailOfTheRoundStillGoes()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = Factory(sink);
        await RegisterAsync(factory, "later@example.org", "now@example.org");
        sink.AnswerNextData(SmtpReplyCode.Unavailable, "4.2.1 mailbox busy, try later");

        (await DeliverAsync(factory)).ShouldBe(1);

        var rows = await factory.OutboxAsync();
        rows[0].Status.ShouldBe(OutboxStatus.Pending);
        rows[0].Attempts.ShouldBe(1);
        rows[0].NextAttemptAtUtc.ShouldBe(WebFactory.DefaultNow.UtcDateTime.AddMinutes(1));
        rows[0].LastError!.ShouldContain("450");
        rows[1].Status.ShouldBe(OutboxStatus.Sent);
        await MakeDueAsync(factory);
        (await DeliverAsync(factory)).ShouldBe(1);
        sink.Messages().Select(m => m.To.Single()).Order().ShouldBe(["later@example.org", "now@example.org"]);
    }

    [Fact]
    public async Task APermanentRefusal_5xx_DeadLettersAtOnce_WithTheServersAnswerShownToStaff()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = Factory(sink);
        await RegisterAsync(factory, "gone@example.org");
        sink.AnswerNextData(SmtpReplyCode.MailboxUnavailable, "5.1.1 no such mailbox here");

        (await DeliverAsync(factory)).ShouldBe(0);

        var mail = (await factory.OutboxAsync()).Single();
        mail.Status.ShouldBe(OutboxStatus.DeadLetter);
        mail.Attempts.ShouldBe(1);
        var staff = await factory.SignedInStaffAsync("admin@example.org", Roles.Administrator);
        var page = await staff.GetDocumentAsync($"/Admin/Outbox/Details/{mail.Id}");
        var error = page.QuerySelector("#mail-error")!.TextContent;
        error.ShouldContain("550");
        error.ShouldContain("5.1.1 no such mailbox here");
    }

    [Fact]
    public async Task AConnectionDroppedDuringData_IsRetried_AndTheMailArrivesOnce()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = Factory(sink);
        await RegisterAsync(factory, "dropped@example.org");
        sink.DropNextData();

        (await DeliverAsync(factory)).ShouldBe(0);

        var mail = (await factory.OutboxAsync()).Single();
        mail.Status.ShouldBe(OutboxStatus.Pending);
        mail.LastError.ShouldNotBeNull();
        sink.Messages().ShouldBeEmpty();
        await MakeDueAsync(factory);
        (await DeliverAsync(factory)).ShouldBe(1);
        sink.Messages().ShouldHaveSingleItem().To.ShouldBe(["dropped@example.org"]);
        (await factory.OutboxAsync()).Single().Attempts.ShouldBe(2);
    }
}
