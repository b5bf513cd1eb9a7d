using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Mail;

namespace PortCooperation.Web.Services.Reports;

public static class QuarterlyReportServiceCollectionExtensions
{
    /// <summary>The scheduled quarterly report: staff subscriptions and the job that mails the last quarter's report.</summary>
    public static IServiceCollection AddPortalQuarterlyReport(this IServiceCollection services)
    {
        services.AddScoped<QuarterlyReportJob>();
        services.AddScoped<IPeriodicJob>(sp => sp.GetRequiredService<QuarterlyReportJob>());
        return services;
    }
}

/// <summary>
/// When a quarter has ended (in the secretariat's time zone), queues through the outbox one mail per subscriber with
/// that quarter's executive report: the key figures beside the previous quarter's, a link to the full report, and the
/// Word document attached, in the subscriber's language and scope. The outbox idempotency key
/// (<c>QuarterlyReport:2020Q2:user:{id}</c>) is unique in the database, so a job run twice, or on two instances at once,
/// queues one mail per subscriber and quarter. Only quarters that end after the subscription was made are mailed.
/// </summary>
public sealed class QuarterlyReportJob(
    PortalDbContext db,
    ExecutiveReportReader reader,
    WordReportWriter word,
    TimeProvider clock,
    MailLinks links,
    ILogger<QuarterlyReportJob> logger) : IPeriodicJob
{
    public const string KeyPrefix = "QuarterlyReport";

    /// <summary>The outbox key of one subscriber's mail for one quarter.</summary>
    public static string Key(ReportPeriod quarter, string userId) =>
        string.Create(CultureInfo.InvariantCulture, $"{KeyPrefix}:{quarter.From.Year}Q{quarter.QuarterNumber}:user:{userId}");

    Task IPeriodicJob.RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    /// <summary>Queues the mails of the last complete quarter that are not queued yet; returns how many it queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quarter = ReportPeriod.LastCompleteQuarter(ReportPeriod.Today(now));
        var endedAt = quarter.EndUtc;
        var keyStart = Key(quarter, "");
        var due = await db.ReportSubscriptions.AsNoTracking()
            .Where(s => s.CreatedAtUtc < endedAt && s.User!.Email != null && !s.User.IsDisabled
                && !db.OutboxMessages.Any(m => m.IdempotencyKey == keyStart + s.UserId))
            .OrderBy(s => s.Id)
            .Select(s => new Subscriber(s.UserId, s.User!.Email!, s.User.DisplayName, s.Language, new ReportScope(s.Region, s.CountryCode, s.PartnerId, s.ProgrammeId)))
            .ToListAsync(cancellationToken);
        var queued = 0;
        // One report per language and scope, however many subscribers share them.
        foreach (var group in due.GroupBy(s => (Language: s.Language == "es" ? "es" : "en", s.Scope)))
        {
            var scope = group.Key.Scope;
            var (subject, text, html, document, fileName) = await ComposeAsync(quarter, scope, group.Key.Language, cancellationToken);
            foreach (var subscriber in group)
            {
                var message = new OutboxMessage
                {
                    IdempotencyKey = Key(quarter, subscriber.UserId),
                    CreatedAtUtc = now,
                    NextAttemptAtUtc = now,
                    ToAddress = subscriber.Email,
                    ToName = subscriber.DisplayName,
                    Subject = subject.Length <= 400 ? subject : subject[..400],
                    BodyText = text,
                    BodyHtml = html,
                    AttachmentFileName = fileName,
                    AttachmentContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    AttachmentContent = document,
                    Status = OutboxStatus.Pending,
                };
                if (await db.TryQueueAsync(message, cancellationToken))
                {
                    queued++;
                }
            }
        }

        if (queued > 0)
        {
            logger.LogInformation("{Count} quarterly report mails queued for {Quarter}", queued, keyStart);
        }

        return queued;
    }

    private async Task<(string Subject, string Text, string Html, byte[] Document, string FileName)> ComposeAsync(
        ReportPeriod quarter, ReportScope scope, string language, CancellationToken cancellationToken)
    {
        var text = new MailText(language);
        var culture = text.Culture;
        var (savedCulture, savedUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var report = await reader.ReadAsync(quarter, scope, cancellationToken);
            var scopeText = report.Scope switch
            {
                { CountryCode: not null } or { PartnerId: not null } or { ProgrammeId: not null } => report.ScopeName.Text,
                { Region: { } region } => text[$"Report_Region_{region}"],
                _ => text["Report_Scope_Everything"],
            };
            var label = quarter.Label(culture);
            var subject = text.Format("ReportMail_Subject", label, scopeText);
            var link = ReportLink(quarter, scope);
            var plain = new StringBuilder();
            var body = new StringBuilder();
            ReportMailSummary.Append(plain, body, report, text);

            var (mailText, mailHtml) = new MailLayout(text)
                .Heading(text["Report_Title"] + " – " + label)
                .Paragraph(text.Format("ReportMail_Intro", label, scopeText))
                .Block(body.ToString(), plain.ToString())
                .Link(text["ReportMail_FullReport"], link)
                .Paragraph(text["ReportMail_Attached"])
                .Render(subject, text["ReportMail_Footer"]);
            return (subject, mailText, mailHtml, word.Write(report, scopeText), ReportFileName.For(report, "docx"));
        }
        finally
        {
            CultureInfo.CurrentCulture = savedCulture;
            CultureInfo.CurrentUICulture = savedUiCulture;
        }
    }

    /// <summary>The staff report screen for the quarter and scope (staff sign in first).</summary>
    private string ReportLink(ReportPeriod quarter, ReportScope scope) =>
        links.Report(ReportQuery.Values(quarter, scope, asQuarter: true));

    private sealed record Subscriber(string UserId, string Email, string? DisplayName, string Language, ReportScope Scope);
}

/// <summary>Download names of the report: "executive-report-2020-04-01-2020-06-30-all.docx", ASCII only.</summary>
public static class ReportFileName
{
    public static string For(ExecutiveReport report, string extension) =>
        string.Create(CultureInfo.InvariantCulture,
            $"executive-report-{report.Period.From:yyyy-MM-dd}-{report.Period.To:yyyy-MM-dd}-{report.Scope.FileSuffix}.{extension}");
}
