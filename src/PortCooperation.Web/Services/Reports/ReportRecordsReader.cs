using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Reports;

/// <summary>
/// The records behind a figure of the executive report, selected by the same queries the report counts with, so the
/// list and the figure always agree. Activities link to /activities/{slug}, documents to /library/{slug} and member
/// states to /member-states/{code}. At most <see cref="MaxRows"/> rows are listed; the total is always given.
/// </summary>
public sealed class ReportRecordsReader(ExecutiveReportReader report)
{
    public const int MaxRows = 500;

    public static readonly IReadOnlySet<string> Sets = new HashSet<string>(StringComparer.Ordinal)
    {
        "scholarships", "webinars", "courses", "cancelled", "postponed", "documents", "speaking", "planned", "usage",
    };

    public async Task<(int Total, IReadOnlyList<ReportRecordRow> Rows)> ReadAsync(
        string set, ReportPeriod period, ReportScope scope, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        switch (set)
        {
            case "scholarships":
            {
                var query = report.Scholarships(scope).Where(a => a.AwardedOn >= period.From && a.AwardedOn <= period.To);
                var rows = await query.OrderBy(a => a.AwardedOn).ThenBy(a => a.Id).Take(MaxRows)
                    .Select(a => new
                    {
                        a.RecipientName, a.AwardedOn, a.Gender, a.AmountUsd, a.ProgrammeName, a.Country!.Code, a.Country.NameEn, a.Country.NameEs,
                        ActivityEn = a.Activity == null ? null : a.Activity.TitleEn,
                    })
                    .ToListAsync(cancellationToken);
                return (await query.CountAsync(cancellationToken), [.. rows.Select(r => new ReportRecordRow(
                    r.RecipientName, null, r.AwardedOn.ToString("d MMM yyyy", culture),
                    $"{LocalizedText.Pick(r.NameEn, r.NameEs, culture)} · {r.ActivityEn ?? r.ProgrammeName}",
                    "USD " + r.AmountUsd.ToString("N2", culture),
                    "/member-states/" + r.Code.ToLowerInvariant()))]);
            }

            case "webinars" or "courses" or "cancelled" or "postponed" or "planned":
            {
                var query = set switch
                {
                    "webinars" => report.Held(scope, ActivityKind.Webinar, period.StartUtc, period.EndUtc),
                    "courses" => report.Held(scope, ActivityKind.Course, period.StartUtc, period.EndUtc),
                    "cancelled" => report.Changed(scope, period.StartUtc, period.EndUtc).Where(a => a.Status == ActivityStatus.Cancelled),
                    "postponed" => report.Changed(scope, period.StartUtc, period.EndUtc).Where(a => a.Status == ActivityStatus.Postponed),
                    _ => report.PlannedFor(scope, period.Next),
                };
                var rows = await query.OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id).Take(MaxRows)
                    .Select(a => new
                    {
                        a.Slug, a.TitleEn, a.TitleEs, a.StartsAtUtc, a.EndsAtUtc, a.TimeZoneId, a.IsAllDay,
                        Participants = (a.Registrations.Any() ? a.Registrations.Count(r => r.Attended == true) : a.ReportedParticipants ?? 0),
                        a.StatusReasonEn, a.StatusReasonEs,
                    })
                    .ToListAsync(cancellationToken);
                return (await query.CountAsync(cancellationToken), [.. rows.Select(r =>
                {
                    var title = LocalizedText.Pick(r.TitleEn, r.TitleEs, culture);
                    var reason = LocalizedText.Pick(r.StatusReasonEn, r.StatusReasonEs, culture);
                    return new ReportRecordRow(
                        title.Text, title.Language,
                        ActivitySchedule.Create(r.StartsAtUtc, r.EndsAtUtc, r.TimeZoneId, r.IsAllDay, culture).When,
                        reason.IsEmpty ? null : reason.Text,
                        set is "webinars" or "courses" ? r.Participants.ToString("N0", culture) : null,
                        "/activities/" + r.Slug);
                })]);
            }

            case "documents":
            {
                var query = report.DocumentsAdded(scope, period.StartUtc, period.EndUtc);
                var rows = await query.OrderBy(d => d.PublishedAtUtc).ThenBy(d => d.Id).Take(MaxRows)
                    .Select(d => new
                    {
                        d.Slug, d.TitleEn, d.TitleEs, d.PublishedAtUtc, d.CreatedAt, d.SourceKind,
                        CountryEn = d.Country == null ? null : d.Country.NameEn,
                        CountryEs = d.Country == null ? null : d.Country.NameEs,
                        OrganisationEn = d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEn,
                        OrganisationEs = d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEs,
                    })
                    .ToListAsync(cancellationToken);
                return (await query.CountAsync(cancellationToken), [.. rows.Select(r =>
                {
                    var title = LocalizedText.Pick(r.TitleEn, r.TitleEs, culture);
                    var source = LocalizedText.Pick(r.CountryEn, r.CountryEs, culture);
                    var organisation = LocalizedText.Pick(r.OrganisationEn, r.OrganisationEs, culture);
                    return new ReportRecordRow(
                        title.Text, title.Language,
                        (r.PublishedAtUtc ?? r.CreatedAt).ToString("d MMM yyyy", culture),
                        string.Join(" · ", new[] { source.Text, organisation.Text }.Where(t => t.Length > 0)),
                        null,
                        "/library/" + r.Slug);
                })]);
            }

            case "speaking":
            {
                var query = report.Speaking(scope, period.From, period.To);
                var rows = await query.OrderBy(e => e.Date).ThenBy(e => e.Id).Take(MaxRows)
                    .Select(e => new { e.TitleEn, e.TitleEs, e.Date, e.AudienceSize, Organiser = e.Organiser == null ? e.OrganiserName : e.Organiser.NameEn })
                    .ToListAsync(cancellationToken);
                return (await query.CountAsync(cancellationToken), [.. rows.Select(r =>
                {
                    var title = LocalizedText.Pick(r.TitleEn, r.TitleEs, culture);
                    return new ReportRecordRow(title.Text, title.Language, r.Date.ToString("d MMM yyyy", culture), r.Organiser,
                        r.AudienceSize?.ToString("N0", culture), null);
                })]);
            }

            default:
            {
                var query = report.PageViews(scope, period.From, period.To).GroupBy(v => v.Path);
                var rows = await query.Select(g => new { Path = g.Key, Views = g.Count() })
                    .OrderByDescending(p => p.Views).ThenBy(p => p.Path).Take(MaxRows)
                    .ToListAsync(cancellationToken);
                return (await query.CountAsync(cancellationToken), [.. rows.Select(r =>
                    new ReportRecordRow(r.Path, null, "", null, r.Views.ToString("N0", culture), r.Path))]);
            }
        }
    }
}
