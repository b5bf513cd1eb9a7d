using System.Net;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Mail;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Services.Mail;
using PortCooperation.Web.Services.Reports;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Reports;

/// <summary>
/// The scheduled quarterly report, through the real doors: staff subscribe and unsubscribe on the
/// report screen, the clock moves past the end of Q2 2020, the job queues the mails through the outbox and the
/// dispatcher delivers them to a real SMTP server on loopback (in-process).
/// </summary>
public sealed class QuarterlyReportMailTests
{
    private static readonly DateTimeOffset MidJune2020 = new(2020, 6, 15, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_subscriber_gets_one_mail_with_the_quarters_figures_and_the_Word_report_an_unsubscribed_colleague_none()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = new WebFactory(MidJune2020, Settings(new Dictionary<string, string?>(sink.AppSettings()) { ["Database:SeedDemoData"] = "true" }));
        var ana = await factory.SignedInStaffAsync("ana@example.org");
        var bob = await factory.SignedInStaffAsync("bob@example.org");

        (await Subscribe(ana, "es", "all")).ShouldBe(HttpStatusCode.Redirect);
        (await Subscribe(bob, "en", "all")).ShouldBe(HttpStatusCode.Redirect);
        var page = await ana.PageAsync("/Admin/Reports");
        page.QuerySelector(".report-subscription__status")!.GetAttribute("data-subscribed").ShouldBe("true");
        using (var off = await bob.SubmitAsync("/Admin/Reports", "form[action$='/Unsubscribe']", []))
        {
            off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await bob.PageAsync("/Admin/Reports")).QuerySelector(".report-subscription__status")!.GetAttribute("data-subscribed").ShouldBe("false");

        // The last day of the quarter (evening in Washington): nothing yet.
        factory.Clock.Now = new DateTimeOffset(2020, 7, 1, 3, 0, 0, TimeSpan.Zero);
        (await RunJobAsync(factory)).ShouldBe(0);

        // The quarter has ended: one mail; the job again, and two instances at once, add none.
        factory.Clock.Now = new DateTimeOffset(2020, 7, 1, 13, 0, 0, TimeSpan.Zero);
        (await RunJobAsync(factory)).ShouldBe(1);
        (await RunJobAsync(factory)).ShouldBe(0);
        (await Task.WhenAll(RunJobAsync(factory), RunJobAsync(factory))).Sum().ShouldBe(0);
        (await DeliverAsync(factory)).ShouldBe(1);
        factory.Clock.Now = factory.Clock.Now.AddDays(1);
        (await RunJobAsync(factory)).ShouldBe(0);
        (await DeliverAsync(factory)).ShouldBe(0);

        var mail = sink.Messages().ShouldHaveSingleItem();
        mail.ShouldBeWellFormed(files: 1);
        mail.To.ShouldBe(["ana@example.org"]);
        mail.IdempotencyKey.ShouldStartWith("QuarterlyReport:2020Q2:user:");
        mail.Subject.ShouldBe("Informe ejecutivo – T2 2020 (abril–junio) – Todos los Estados miembros y actividades");
        var html = new HtmlParser().ParseDocument(mail.Html!);
        decimal Figure(string key) => decimal.Parse(html.QuerySelector($"tr[data-figure='{key}'] td")!.TextContent, System.Globalization.CultureInfo.GetCultureInfo("es"));
        Figure("webinars.count").ShouldBe(6);
        Figure("courses.count").ShouldBe(4);
        Figure("webinars.participants").ShouldBe(1_340);
        html.QuerySelector("caption")!.TextContent.ShouldBe("Becas");
        html.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain(
            "https://portal.example.org/Admin/Reports?period=quarter&periodYear=2020&periodQuarter=2&scope=all");
        mail.Text!.ShouldContain("Webinars realizados: 6");

        var word = mail.Attachments.ShouldHaveSingleItem();
        word.Filename.ShouldBe("executive-report-2020-04-01-2020-06-30-all.docx");
        word.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var stream = new MemoryStream(Convert.FromBase64String(word.Content));
        using var document = WordprocessingDocument.Open(stream, false);
        new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
        document.MainDocumentPart!.Document!.Body!.InnerText.ShouldContain("Informe ejecutivo");

        // Every subscription change is in the audit log: two subscribed, one unsubscribed.
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "ReportSubscription")
            .Select(e => new { e.Action, e.UserName }).ToListAsync());
        audit.Count.ShouldBe(3);
        audit.Count(e => e.UserName == "bob@example.org").ShouldBe(2);
        audit.Select(e => e.Action).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Subscribing_after_a_quarter_ended_waits_for_the_next_one_and_a_region_subscription_gets_that_regions_report()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = new WebFactory(new DateTimeOffset(2020, 7, 10, 14, 0, 0, TimeSpan.Zero),
            Settings(new Dictionary<string, string?>(sink.AppSettings()) { ["Database:SeedDemoData"] = "true" }));
        var carla = await factory.SignedInStaffAsync("carla@example.org");
        (await Subscribe(carla, "en", "region", region: "Caribbean")).ShouldBe(HttpStatusCode.Redirect);
        (await carla.PageAsync("/Admin/Reports")).QuerySelector(".report-subscription__status")!.TextContent.ShouldContain("Caribbean");

        // Q2 2020 ended before she subscribed: no mail for it.
        (await RunJobAsync(factory)).ShouldBe(0);

        factory.Clock.Now = new DateTimeOffset(2020, 10, 1, 12, 0, 0, TimeSpan.Zero);
        (await RunJobAsync(factory)).ShouldBe(1);
        (await DeliverAsync(factory)).ShouldBe(1);
        var mail = sink.Messages().ShouldHaveSingleItem();
        mail.IdempotencyKey.ShouldStartWith("QuarterlyReport:2020Q3:user:");
        mail.Subject.ShouldBe("Executive report – Q3 2020 (July–September) – Caribbean");
        mail.Html!.ShouldContain("periodYear=2020&amp;periodQuarter=3&amp;scope=region&amp;region=Caribbean");
        mail.Attachments.ShouldHaveSingleItem().Filename.ShouldBe("executive-report-2020-07-01-2020-09-30-caribbean.docx");
    }

    [Fact]
    public async Task A_partner_subscription_made_on_the_partners_report_gets_the_partner_scoped_figures()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = new WebFactory(new DateTimeOffset(2031, 6, 10, 14, 0, 0, TimeSpan.Zero), Settings(new Dictionary<string, string?>(sink.AppSettings())));
        var (partner, _) = await TrustedReportTests.AddPartnerWorkAsync(factory);
        var emma = await factory.SignedInStaffAsync("emma@example.org");
        var partnerReport = $"/Admin/Reports?period=quarter&periodYear=2031&periodQuarter=2&scope=partner&partner={partner}";
        using (var subscribed = await emma.SubmitAsync(partnerReport, "form[action$='/Subscribe']", new() { ["Language"] = "en" }))
        {
            subscribed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await emma.PageAsync("/Admin/Reports")).QuerySelector(".report-subscription__status")!.TextContent.ShouldContain("Harbour Institute");
        (await factory.WithDbAsync(db => db.ReportSubscriptions.Select(s => new { s.PartnerId, s.ProgrammeId, s.Region, s.CountryCode }).SingleAsync()))
            .ShouldBe(new { PartnerId = (int?)partner, ProgrammeId = (int?)null, Region = (PortCooperation.Web.Domain.Region?)null, CountryCode = (string?)null });

        factory.Clock.Now = new DateTimeOffset(2031, 7, 1, 13, 0, 0, TimeSpan.Zero);
        (await RunJobAsync(factory)).ShouldBe(1);
        (await DeliverAsync(factory)).ShouldBe(1);
        var mail = sink.Messages().ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Executive report – Q2 2031 (April–June) – Harbour Institute");
        var html = new HtmlParser().ParseDocument(mail.Html!);
        decimal Figure(string key) => decimal.Parse(html.QuerySelector($"tr[data-figure='{key}'] td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        // Everything would be 2 courses, 80 participants and 3 awards; the partner took part in one course of 30.
        (Figure("courses.count"), Figure("courses.participants"), Figure("scholarships.count")).ShouldBe((1m, 30m, 1m));
        mail.Html!.ShouldContain($"scope=partner&amp;partner={partner}");
        mail.Attachments.ShouldHaveSingleItem().Filename.ShouldBe($"executive-report-2031-04-01-2031-06-30-partner-{partner}.docx");
    }

    [Fact]
    public async Task A_subscription_with_an_unknown_language_or_scope_is_refused()
    {
        using var factory = new WebFactory(MidJune2020);
        var dora = await factory.SignedInStaffAsync("dora@example.org");
        (await Subscribe(dora, "fr", "all")).ShouldBe(HttpStatusCode.Redirect);
        (await Subscribe(dora, "en", "state", state: "ZZ")).ShouldBe(HttpStatusCode.Redirect);
        (await Subscribe(dora, "en", "partner")).ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.ReportSubscriptions.CountAsync())).ShouldBe(0);
        (await dora.PageAsync("/Admin/Reports")).QuerySelector(".report-subscription .alert-danger").ShouldNotBeNull();
    }

    private static async Task<HttpStatusCode> Subscribe(HttpClient staff, string language, string scope, string? region = null, string? state = null)
    {
        var values = new Dictionary<string, string> { ["Language"] = language, ["Scope"] = scope };
        if (region is not null)
        {
            values["Region"] = region;
        }

        if (state is not null)
        {
            values["State"] = state;
        }

        using var response = await staff.SubmitAsync("/Admin/Reports", "form[action$='/Subscribe']", values);
        return response.StatusCode;
    }

    private static async Task<int> RunJobAsync(WebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QuarterlyReportJob>().RunAsync(CancellationToken.None);
    }

    private static async Task<int> DeliverAsync(WebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
    }
}

/// <summary>The quarterly report job on PostgreSQL: two instances at the same moment queue one mail.</summary>
[Collection(PortCooperation.IntegrationTests.Infrastructure.PostgresCollection.Name)]
public sealed class QuarterlyReportMailOnPostgres(PortCooperation.IntegrationTests.Infrastructure.PostgresCluster cluster)
{
    [PortCooperation.IntegrationTests.Infrastructure.PostgresFact]
    public async Task Two_instances_at_the_quarter_end_queue_one_mail_per_subscriber()
    {
        using var factory = new WebFactory(new DateTimeOffset(2031, 12, 20, 12, 0, 0, TimeSpan.Zero), Settings(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync("quarterly"),
        }));
        foreach (var email in new[] { "ana@example.org", "bob@example.org" })
        {
            var staff = await factory.SignedInStaffAsync(email);
            using var response = await staff.SubmitAsync("/Admin/Reports", "form[action$='/Subscribe']", new() { ["Language"] = "en", ["Scope"] = "all" });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        factory.Clock.Now = new DateTimeOffset(2032, 1, 1, 6, 0, 0, TimeSpan.Zero);
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<QuarterlyReportJob>().RunAsync(CancellationToken.None);
        }));
        runs.Sum().ShouldBe(2);
        var keys = await factory.WithDbAsync(db => db.OutboxMessages.Select(m => m.IdempotencyKey).ToListAsync());
        keys.Count.ShouldBe(2);
        keys.ShouldAllBe(k => k.StartsWith("QuarterlyReport:2031Q4:user:"));
    }
}
