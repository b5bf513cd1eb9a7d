using System.Globalization;
using System.Net;
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

    private static readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(ReportPeriod.TimeZoneId);

    /// <summary>The outbox key of one subscriber's mail for one quarter.</summary>
    public static string Key(ReportPeriod quarter, string userId) =>
        string.Create(CultureInfo.InvariantCulture, $"{KeyPrefix}:{quarter.From.Year}Q{(quarter.From.Month - 1) / 3 + 1}:user:{userId}");

    Task IPeriodicJob.RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    /// <summary>Queues the mails of the last complete quarter that are not queued yet; returns how many it queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quarter = ReportPeriod.LastCompleteQuarter(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, _zone)));
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
            var subject = text.Format("Report2_Mail_Subject", label, scopeText);
            var link = ReportLink(quarter, scope);
            var columns = (Now: quarter.ShortLabel(culture), Before: quarter.Previous.ShortLabel(culture));
            (string Heading, IReadOnlyList<Figure> Figures)[] sections =
            [
                (text["Report_Section_Scholarships"], report.Scholarships),
                (text["Report_Section_Webinars"], report.Webinars.Figures),
                (text["Report_Section_Courses"], report.Courses.Figures),
                (text["Report_Section_Changes"], report.Changes),
                (text["Report_Section_Documents"], report.Documents),
                (text["Report_Section_Speaking"], report.Speaking),
                (text["Report_Section_Planned"], report.Planned),
            ];
            string Value(Figure f, decimal v, bool atLeast) =>
                (atLeast ? text["Report_AtLeast"] + " " : "") + (f.IsMoney ? "USD " + v.ToString("N0", culture) : v.ToString("N0", culture));
            string Previous(Figure f) => f.IsComparable ? Value(f, f.Previous, f.PreviousIsAtLeast) : text["Report_NoComparison"];

            var plain = new StringBuilder();
            var body = new StringBuilder();
            foreach (var (heading, figures) in sections.Where(s => s.Figures.Count > 0))
            {
                plain.AppendLine(heading);
                body.Append("<table style=\"border-collapse:collapse;width:100%;margin:0 0 16px\"><caption style=\"text-align:left;font-weight:bold;color:#0b2d4f;padding:4px 0\">")
                    .Append(E(heading)).Append("</caption><thead><tr>")
                    .Append(Th(text["Report_Column_Indicator"], left: true)).Append(Th(columns.Now)).Append(Th(columns.Before))
                    .Append("</tr></thead><tbody>");
                foreach (var figure in figures)
                {
                    var name = text[figure.ResourceKey];
                    plain.Append("  ").Append(name).Append(": ").Append(Value(figure, figure.Current, figure.CurrentIsAtLeast))
                        .Append(" (").Append(columns.Before).Append(": ").Append(Previous(figure)).AppendLine(")");
                    body.Append("<tr data-figure=\"").Append(E(figure.Key)).Append("\"><th scope=\"row\" style=\"text-align:left;font-weight:normal;border-top:1px solid #d5dbe3;padding:4px\">")
                        .Append(E(name)).Append("</th>").Append(Td(Value(figure, figure.Current, figure.CurrentIsAtLeast))).Append(Td(Previous(figure))).Append("</tr>");
                }

                plain.AppendLine();
                body.Append("</tbody></table>");
            }

            var (mailText, mailHtml) = new MailLayout(text)
                .Heading(text["Report_Title"] + " – " + label)
                .Paragraph(text.Format("Report2_Mail_Intro", label, scopeText))
                .Block(body.ToString(), plain.ToString())
                .Link(text["Report2_Mail_FullReport"], link)
                .Paragraph(text["Report2_Mail_Attached"])
                .Render(subject, text["Report2_Mail_Footer"]);
            return (subject, mailText, mailHtml, word.Write(report, scopeText), ReportFileName.For(report, "docx"));
        }
        finally
        {
            CultureInfo.CurrentCulture = savedCulture;
            CultureInfo.CurrentUICulture = savedUiCulture;
        }
    }

    /// <summary>The staff report screen for the quarter and scope (staff sign in first).</summary>
    private string ReportLink(ReportPeriod quarter, ReportScope scope)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("period", "quarter"),
            new("periodYear", quarter.From.Year.ToString(CultureInfo.InvariantCulture)),
            new("periodQuarter", ((quarter.From.Month - 1) / 3 + 1).ToString(CultureInfo.InvariantCulture)),
        };
        query.AddRange(scope switch
        {
            { CountryCode: { } code } => [new("scope", "state"), new("state", code)],
            { Region: { } region } => [new("scope", "region"), new("region", region.ToString())],
            { PartnerId: { } partner } => [new("scope", "partner"), new("partner", partner.ToString(CultureInfo.InvariantCulture))],
            { ProgrammeId: { } programme } => [new("scope", "programme"), new("programme", programme.ToString(CultureInfo.InvariantCulture))],
            _ => [new KeyValuePair<string, string?>("scope", "all")],
        });
        return links.Report(query);
    }

    private static string Th(string value, bool left = false) =>
        $"<th scope=\"col\" style=\"text-align:{(left ? "left" : "right")};padding:4px;border-bottom:2px solid #0b2d4f\">{E(value)}</th>";

    private static string Td(string value) => $"<td style=\"text-align:right;border-top:1px solid #d5dbe3;padding:4px\">{E(value)}</td>";

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private sealed record Subscriber(string UserId, string Email, string? DisplayName, string Language, ReportScope Scope);
}

/// <summary>Download names of the report: "executive-report-2020-04-01-2020-06-30-all.docx", ASCII only.</summary>
public static class ReportFileName
{
    public static string For(ExecutiveReport report, string extension) =>
        string.Create(CultureInfo.InvariantCulture,
            $"executive-report-{report.Period.From:yyyy-MM-dd}-{report.Period.To:yyyy-MM-dd}-{report.Scope.FileSuffix}.{extension}");
}
