using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Analytics;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Reports;

/// <summary>
/// Builds the executive report. Every total is computed by the database (COUNT, COUNT DISTINCT, SUM, MAX with GROUP BY
/// over the period and the previous period together), so the cost does not grow with the number of registrations or
/// scholarships read into memory; only the rows the report lists (webinars, courses, changed and planned activities,
/// speaking engagements) are read. Decimal sums run in SQL on both providers: PostgreSQL natively, SQLite through the
/// <c>ef_sum</c> aggregate that EF Core registers on every SQLite connection (exact decimal arithmetic, not floating point).
/// </summary>
public sealed class ExecutiveReportReader(PortalDbContext db, TimeProvider clock, AnalyticsReader analytics)
{
    public async Task<ExecutiveReport> ReadAsync(ReportPeriod period, ReportScope scope, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var countries = await db.Countries.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.NameEn, c.NameEs, c.IsMemberState, c.Region })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        CountryName Country(int id)
        {
            var c = countries[id];
            return new CountryName(c.Code, LocalizedText.Pick(c.NameEn, c.NameEs, culture), c.IsMemberState);
        }

        var scopeName = await ScopeNameAsync(scope, culture, cancellationToken);

        var (webinars, courses) = await ReadHeldActivitiesAsync(period, scope, Country, cancellationToken);
        var (changeFigures, changes) = await ReadChangesAsync(period, scope, culture, cancellationToken);
        var (documentFigures, bySource, byTopic) = await ReadDocumentsAsync(period, scope, culture, cancellationToken);
        var (speakingFigures, speaking) = await ReadSpeakingAsync(period, scope, culture, cancellationToken);
        var (plannedFigures, planned) = await ReadPlannedAsync(period, scope, culture, cancellationToken);

        return new ExecutiveReport
        {
            Period = period,
            Scope = scope,
            ScopeName = scopeName,
            GeneratedAtUtc = clock.GetUtcNow().UtcDateTime,
            Scholarships = await ReadScholarshipsAsync(period, scope, cancellationToken),
            Changes = changeFigures,
            ChangedActivities = changes,
            Documents = documentFigures,
            DocumentsBySource = bySource,
            DocumentsByTopic = byTopic,
            Usage = await ReadUsageAsync(period, scope, cancellationToken),
            Webinars = webinars,
            Courses = courses,
            Speaking = speakingFigures,
            SpeakingEngagements = speaking,
            Planned = plannedFigures,
            PlannedActivities = planned,
            Warnings = await ReadWarningsAsync(scope, culture, cancellationToken),
        };
    }

    /// <summary>The name of the member state, partner organisation or programme of the scope (organisation names are proper names).</summary>
    public async Task<LocalizedText> ScopeNameAsync(ReportScope scope, CultureInfo culture, CancellationToken cancellationToken)
    {
        var name = scope switch
        {
            { CountryCode: { } code } => await db.Countries.Where(c => c.Code == code).Select(c => new { En = c.NameEn, Es = (string?)c.NameEs }).FirstOrDefaultAsync(cancellationToken),
            { PartnerId: { } id } => await db.Organisations.Where(o => o.Id == id).Select(o => new { En = o.NameEn, Es = o.NameEs }).FirstOrDefaultAsync(cancellationToken),
            { ProgrammeId: { } id } => await db.Programmes.Where(g => g.Id == id).Select(g => new { En = g.NameEn, Es = g.NameEs }).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
        if (name is null)
        {
            return LocalizedText.Empty;
        }

        var picked = LocalizedText.Pick(name.En, name.Es, culture);
        return scope.CountryCode is null ? picked with { IsFallback = false } : picked;
    }

    // ---- Warnings: what the report cannot count until someone fixes it. ----

    /// <summary>
    /// Activities of the scope whose dates are past but are still marked planned (no figure counts them), and held ones
    /// with no participation at all (no total, no country, nobody marked as attended), most recent first.
    /// </summary>
    public async Task<IReadOnlyList<ReportWarning>> ReadWarningsAsync(ReportScope scope, CultureInfo culture, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await Activities(scope)
            .Where(a => a.EndsAtUtc < now
                && (a.Status == ActivityStatus.Planned
                    || (a.Status == ActivityStatus.Held && a.ReportedParticipants == null && a.ReportedMemberStates == null
                        && !a.ParticipatingCountries.Any() && !a.Registrations.Any(r => r.Attended == true))))
            .OrderByDescending(a => a.StartsAtUtc).ThenBy(a => a.Id)
            .Take(MaxWarnings)
            .Select(a => new { a.Id, a.Slug, a.Status, a.TitleEn, a.TitleEs, a.StartsAtUtc, a.EndsAtUtc, a.TimeZoneId, a.IsAllDay, HasRegistrations = a.Registrations.Any() })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(r => r.Status == ActivityStatus.Planned ? 0 : 1)
            .Select(r => new ReportWarning(
                r.Status == ActivityStatus.Planned ? ReportWarningKind.PastStillPlanned : ReportWarningKind.HeldWithoutParticipation,
                r.Id, r.Slug, LocalizedText.Pick(r.TitleEn, r.TitleEs, culture),
                ActivitySchedule.Create(r.StartsAtUtc, r.EndsAtUtc, r.TimeZoneId, r.IsAllDay, culture), r.HasRegistrations))];
    }

    /// <summary>The most warnings listed; a list longer than this is a backlog the activities list filters better.</summary>
    public const int MaxWarnings = 50;

    // ---- Scholarships: one GROUP BY over both periods. ----

    private async Task<IReadOnlyList<Figure>> ReadScholarshipsAsync(ReportPeriod period, ReportScope scope, CancellationToken cancellationToken)
    {
        var previous = period.Previous;
        var groups = await Scholarships(scope)
            .Where(a => a.AwardedOn >= previous.From && a.AwardedOn <= period.To)
            .Select(a => new
            {
                Current = a.AwardedOn >= period.From,
                MemberStateId = a.Country!.IsMemberState ? (int?)a.CountryId : null,
                a.Gender,
                a.AmountUsd,
            })
            .GroupBy(a => a.Current)
            .Select(g => new
            {
                Current = g.Key,
                Count = g.Count(),
                MemberStates = g.Select(a => a.MemberStateId).Distinct().Count(id => id != null),
                Men = g.Count(a => a.Gender == Gender.Male),
                Women = g.Count(a => a.Gender == Gender.Female),
                NotRecorded = g.Count(a => a.Gender != Gender.Male && a.Gender != Gender.Female),
                Usd = g.Sum(a => a.AmountUsd),
            })
            .ToListAsync(cancellationToken);
        var now = groups.SingleOrDefault(g => g.Current);
        var before = groups.SingleOrDefault(g => !g.Current);
        return
        [
            new("scholarships.count", now?.Count ?? 0, before?.Count ?? 0),
            new("scholarships.memberstates", now?.MemberStates ?? 0, before?.MemberStates ?? 0),
            new("scholarships.men", now?.Men ?? 0, before?.Men ?? 0),
            new("scholarships.women", now?.Women ?? 0, before?.Women ?? 0),
            // Like the public statistics: anything but man or woman, empty included, so the three rows add up to the count.
            new("scholarships.notrecorded", now?.NotRecorded ?? 0, before?.NotRecorded ?? 0),
            new("scholarships.usd", now?.Usd ?? 0, before?.Usd ?? 0, IsMoney: true),
        ];
    }

    /// <summary>
    /// Awards of the scope: by the recipient's country; for a partner, awards for a course it took part in; for a
    /// programme, awards whose course or programme name is the programme's (in either language) or for a course of its
    /// lead organisation.
    /// </summary>
    public IQueryable<ScholarshipAward> Scholarships(ReportScope scope) => scope switch
    {
        { CountryCode: { } code } => db.ScholarshipAwards.AsNoTracking().Where(a => a.Country!.Code == code),
        { Region: { } region } => db.ScholarshipAwards.AsNoTracking().Where(a => a.Country!.Region == region),
        { PartnerId: { } id } => db.ScholarshipAwards.AsNoTracking().Where(a => a.Activity != null && a.Activity.Partners.Any(p => p.OrganisationId == id)),
        { ProgrammeId: { } id } => db.ScholarshipAwards.AsNoTracking().Where(a => db.Programmes.Any(g => g.Id == id
            && ((a.ProgrammeName != null && (a.ProgrammeName == g.NameEn || a.ProgrammeName == g.NameEs))
                || (a.Activity != null && a.Activity.Partners.Any(p => p.OrganisationId == g.LeadOrganisationId))))),
        _ => db.ScholarshipAwards.AsNoTracking(),
    };

    /// <summary>True for an organisation of the scope: the partner itself, or the programme's lead organisation.</summary>
    private Expression<Func<int?, bool>> IsScopeOrganisation(ReportScope scope) => scope switch
    {
        { PartnerId: { } id } => organisationId => organisationId == id,
        { ProgrammeId: { } id } => organisationId => db.Programmes.Any(g => g.Id == id && g.LeadOrganisationId == organisationId),
        _ => _ => true,
    };

    // ---- Webinars and courses held in the period. ----

    /// <summary>
    /// Activities that concern the scope: hosted there, or with officials from there (entered or attended); for a
    /// partner, those it took part in; for a programme, those its lead organisation took part in.
    /// </summary>
    public IQueryable<Activity> Activities(ReportScope scope) => scope switch
    {
        { PartnerId: { } id } => db.Activities.AsNoTracking().Where(a => a.Partners.Any(p => p.OrganisationId == id)),
        { ProgrammeId: { } id } => db.Activities.AsNoTracking().Where(a =>
            a.Partners.Any(p => db.Programmes.Any(g => g.Id == id && g.LeadOrganisationId == p.OrganisationId))),
        { CountryCode: { } code } => db.Activities.AsNoTracking().Where(a =>
            (a.HostCountry != null && a.HostCountry.Code == code)
            || a.ParticipatingCountries.Any(c => c.Country!.Code == code)
            || a.Registrations.Any(r => r.Attended == true && r.Country!.Code == code)),
        { Region: { } region } => db.Activities.AsNoTracking().Where(a =>
            (a.HostCountry != null && a.HostCountry.Region == region)
            || a.ParticipatingCountries.Any(c => c.Country!.Region == region)
            || a.Registrations.Any(r => r.Attended == true && r.Country!.Region == region)),
        _ => db.Activities.AsNoTracking(),
    };

    /// <summary>Webinars or courses (and diplomas) held, starting within the given instants.</summary>
    public IQueryable<Activity> Held(ReportScope scope, ActivityKind kind, DateTime fromUtc, DateTime toUtc)
    {
        Expression<Func<Activity, bool>> isKind = kind == ActivityKind.Webinar
            ? a => a.Kind == ActivityKind.Webinar
            : a => a.Kind == ActivityKind.Course || a.Kind == ActivityKind.Diploma;
        return Activities(scope).Where(isKind)
            .Where(a => a.Status == ActivityStatus.Held && a.StartsAtUtc >= fromUtc && a.StartsAtUtc < toUtc);
    }

    private async Task<(ActivitySection Webinars, ActivitySection Courses)> ReadHeldActivitiesAsync(
        ReportPeriod period, ReportScope scope, Func<int, CountryName> country, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var fromUtc = period.Previous.StartUtc;
        var startUtc = period.StartUtc;
        var endUtc = period.EndUtc;
        var held = Activities(scope).Where(a =>
            (a.Kind == ActivityKind.Webinar || a.Kind == ActivityKind.Course || a.Kind == ActivityKind.Diploma)
            && a.Status == ActivityStatus.Held && a.StartsAtUtc >= fromUtc && a.StartsAtUtc < endUtc);

        // A historical activity carries its entered total; one run in the portal (it has registrations) counts who attended.
        var totals = await held
            .Select(a => new
            {
                IsWebinar = a.Kind == ActivityKind.Webinar,
                Current = a.StartsAtUtc >= startUtc,
                Participants = a.Registrations.Any() ? a.Registrations.Count(r => r.Attended == true) : a.ReportedParticipants ?? 0,
                Missing = a.Registrations.Any() ? !a.Registrations.Any(r => r.Attended == true) : a.ReportedParticipants == null,
                ReportedMemberStates = a.Registrations.Any() ? null : a.ReportedMemberStates,
                // Member states known only as a total larger than the member states on file: the union is a minimum.
                KnownOnlyAsTotal = !a.Registrations.Any() && a.ReportedMemberStates != null
                    && a.ReportedMemberStates > a.ParticipatingCountries.Count(c => c.Country!.IsMemberState),
            })
            .GroupBy(a => new { a.IsWebinar, a.Current })
            .Select(g => new
            {
                g.Key.IsWebinar,
                g.Key.Current,
                Count = g.Count(),
                Participants = g.Sum(a => a.Participants),
                Missing = g.Count(a => a.Missing),
                MostMemberStates = g.Max(a => a.ReportedMemberStates),
                KnownOnlyAsTotal = g.Count(a => a.KnownOnlyAsTotal),
            })
            .ToListAsync(cancellationToken);

        // Where participants came from, for the activities of both periods in one query: the countries entered for a
        // historical activity (no registrations), and the distinct countries of those who attended one run in the portal.
        // Both are joined from the period's activities, so the database seeks each activity's registrations in the
        // (ActivityId, Attended, CountryId) index instead of scanning every registration.
        var entered = held.Where(a => !a.Registrations.Any()).SelectMany(a => a.ParticipatingCountries, (a, c) => new CountryPair
        {
            Slug = a.Slug, IsWebinar = a.Kind == ActivityKind.Webinar, Current = a.StartsAtUtc >= startUtc, CountryId = c.CountryId, Entered = true,
        });
        var attended = held.Join(db.Registrations.Where(r => r.Attended == true && r.CountryId != null), a => a.Id, r => r.ActivityId, (a, r) => new CountryPair
        {
            Slug = a.Slug, IsWebinar = a.Kind == ActivityKind.Webinar, Current = a.StartsAtUtc >= startUtc, CountryId = r.CountryId!.Value, Entered = false,
        });
        var pairs = await entered.Concat(attended).Distinct().ToListAsync(cancellationToken);
        var states = pairs.Where(p => country(p.CountryId).IsMemberState)
            .GroupBy(p => new { p.IsWebinar, p.Current })
            .Select(g => new { g.Key.IsWebinar, g.Key.Current, Count = g.Select(p => p.CountryId).Distinct().Count() })
            .ToList();
        var attendedFrom = pairs.Where(p => p.Current && !p.Entered).ToLookup(p => p.Slug, p => p.CountryId);

        var rows = await held.Where(a => a.StartsAtUtc >= startUtc)
            .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id)
            .Select(ActivityRow.Projection)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        ActivitySection Section(bool webinars)
        {
            var now = totals.SingleOrDefault(t => t.IsWebinar == webinars && t.Current);
            var before = totals.SingleOrDefault(t => t.IsWebinar == webinars && !t.Current);
            int Distinct(bool current) => states.SingleOrDefault(s => s.IsWebinar == webinars && s.Current == current)?.Count ?? 0;

            // When countries are not on file, the most member states any one activity reached is a floor for the total.
            var statesNow = Math.Max(Distinct(true), now?.MostMemberStates ?? 0);
            var statesBefore = Math.Max(Distinct(false), before?.MostMemberStates ?? 0);
            var prefix = webinars ? "webinars" : "courses";
            return new ActivitySection
            {
                Figures =
                [
                    new($"{prefix}.count", now?.Count ?? 0, before?.Count ?? 0),
                    new($"{prefix}.participants", now?.Participants ?? 0, before?.Participants ?? 0),
                    new($"{prefix}.memberstates", statesNow, statesBefore)
                    {
                        CurrentIsAtLeast = Distinct(true) < statesNow || now?.KnownOnlyAsTotal > 0,
                        PreviousIsAtLeast = Distinct(false) < statesBefore || before?.KnownOnlyAsTotal > 0,
                    },
                ],
                WithoutParticipants = now?.Missing ?? 0,
                Activities =
                [
                    .. rows.Where(r => (r.Kind == ActivityKind.Webinar) == webinars).Select(r =>
                    {
                        var countryList = (r.HasRegistrations ? attendedFrom[r.Slug] : r.Entered.Union(attendedFrom[r.Slug])).Select(country)
                            .OrderBy(c => c.IsMemberState ? 0 : 1).ThenBy(c => c.Name.Text, StringComparer.Create(culture, true))
                            .ToList();
                        return new HeldActivityRow(
                            r.Slug,
                            r.Kind,
                            r.Title(culture),
                            r.Schedule(culture),
                            r.PartnerNames(culture),
                            r.HasRegistrations ? (r.Attended > 0 ? r.Attended : null) : r.ReportedParticipants ?? (r.Attended > 0 ? r.Attended : null),
                            r.HasRegistrations
                                ? (countryList.Count(c => c.IsMemberState) is > 0 and var attendedStates ? attendedStates : null)
                                : r.ReportedMemberStates ?? (countryList.Count > 0 ? countryList.Count(c => c.IsMemberState) : null),
                            countryList);
                    }),
                ],
            };
        }

        return (Section(webinars: true), Section(webinars: false));
    }

    // ---- Cancelled and postponed events. ----

    /// <summary>
    /// Cancelled or postponed activities that were due (at their original dates) within the given instants. Each is
    /// counted once, in the period of its original date; the report also lists the changes already known to the next
    /// period's events, which that period's report counts.
    /// </summary>
    public IQueryable<Activity> Changed(ReportScope scope, DateTime fromUtc, DateTime toUtc) =>
        Activities(scope).Where(a =>
            (a.Status == ActivityStatus.Cancelled || a.Status == ActivityStatus.Postponed)
            && (a.OriginalStartsAtUtc ?? a.StartsAtUtc) >= fromUtc
            && (a.OriginalStartsAtUtc ?? a.StartsAtUtc) < toUtc);

    private async Task<(IReadOnlyList<Figure>, IReadOnlyList<ChangedActivityRow>)> ReadChangesAsync(
        ReportPeriod period, ReportScope scope, CultureInfo culture, CancellationToken cancellationToken)
    {
        var previousFrom = period.Previous.StartUtc;
        var currentFrom = period.StartUtc;
        var currentTo = period.EndUtc;
        var counts = await Changed(scope, previousFrom, currentTo)
            .Select(a => new { a.Status, Due = a.OriginalStartsAtUtc ?? a.StartsAtUtc })
            .GroupBy(a => a.Status)
            .Select(g => new
            {
                Status = g.Key,
                Current = g.Count(a => a.Due >= currentFrom),
                Previous = g.Count(a => a.Due < currentFrom),
            })
            .ToListAsync(cancellationToken);
        var rows = await Changed(scope, currentFrom, period.Next.EndUtc)
            .OrderBy(a => a.Status).ThenBy(a => a.OriginalStartsAtUtc ?? a.StartsAtUtc).ThenBy(a => a.Id)
            .Select(ActivityRow.Projection)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        Figure Count(string key, ActivityStatus status) =>
            new(key, counts.SingleOrDefault(c => c.Status == status)?.Current ?? 0, counts.SingleOrDefault(c => c.Status == status)?.Previous ?? 0);

        return (
            [Count("cancelled.count", ActivityStatus.Cancelled), Count("postponed.count", ActivityStatus.Postponed)],
            [
                .. rows.Select(r => new ChangedActivityRow(
                    (r.OriginalStartsAtUtc ?? r.StartsAtUtc) >= currentTo,
                    r.Slug,
                    r.Kind,
                    r.Status,
                    r.Title(culture),
                    LocalizedText.Pick(r.StatusReasonEn, r.StatusReasonEs, culture),
                    r.Schedule(culture),
                    r.Status == ActivityStatus.Postponed && r.OriginalStartsAtUtc is { } originalStart
                        ? ActivitySchedule.Create(originalStart, r.OriginalEndsAtUtc ?? originalStart, r.TimeZoneId, r.IsAllDay, culture)
                        : null,
                    r.City,
                    LocalizedText.Pick(r.HostEn, r.HostEs, culture),
                    r.PartnerNames(culture))),
            ]);
    }

    // ---- Best practices added. ----

    /// <summary>Published documents that went public within the given instants (scope: the country a national measure comes from).</summary>
    public IQueryable<BestPracticeDocument> DocumentsAdded(ReportScope scope, DateTime fromUtc, DateTime toUtc)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var documents = db.Documents.AsNoTracking().Public(now).Where(d =>
            (d.PublishedAtUtc ?? d.PublishAtUtc ?? d.CreatedAt) >= fromUtc
            && (d.PublishedAtUtc ?? d.PublishAtUtc ?? d.CreatedAt) < toUtc);
        return scope switch
        {
            { CountryCode: { } code } => documents.Where(d => d.Country!.Code == code),
            { Region: { } region } => documents.Where(d => d.Country!.Region == region),
            { IsByOrganisation: true } => documents.Where(d => d.SourceOrganisationId != null).Where(
                Rewrite<BestPracticeDocument>(IsScopeOrganisation(scope), d => d.SourceOrganisationId)),
            _ => documents,
        };
    }

    private async Task<(IReadOnlyList<Figure>, IReadOnlyList<BreakdownRow>, IReadOnlyList<BreakdownRow>)> ReadDocumentsAsync(
        ReportPeriod period, ReportScope scope, CultureInfo culture, CancellationToken cancellationToken)
    {
        var startUtc = period.StartUtc;
        var added = DocumentsAdded(scope, period.Previous.StartUtc, period.EndUtc);
        var bySource = await added
            .Select(d => new
            {
                d.SourceKind,
                Region = d.Country == null ? (Region?)null : d.Country.Region,
                Current = (d.PublishedAtUtc ?? d.PublishAtUtc ?? d.CreatedAt) >= startUtc,
            })
            .GroupBy(d => new { d.SourceKind, d.Region, d.Current })
            .Select(g => new { g.Key.SourceKind, g.Key.Region, g.Key.Current, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byTopic = await db.DocumentTopics
            .Where(t => added.Any(d => d.Id == t.DocumentId))
            .Select(t => new
            {
                t.Topic!.Slug,
                t.Topic.NameEn,
                t.Topic.NameEs,
                Current = (t.Document!.PublishedAtUtc ?? t.Document.PublishAtUtc ?? t.Document.CreatedAt) >= startUtc,
            })
            .GroupBy(t => new { t.Slug, t.NameEn, t.NameEs, t.Current })
            .Select(g => new { g.Key.Slug, g.Key.NameEn, g.Key.NameEs, g.Key.Current, Count = g.Count() })
            .ToListAsync(cancellationToken);

        int Sum(bool current, Func<SourceKind, bool> kind) =>
            bySource.Where(g => g.Current == current && kind(g.SourceKind)).Sum(g => g.Count);
        static bool International(SourceKind k) => k == SourceKind.InternationalOrganisation;

        var figures = new List<Figure>
        {
            new("documents.count", Sum(true, _ => true), Sum(false, _ => true)),
            new("documents.international", Sum(true, International), Sum(false, International)),
            new("documents.national", Sum(true, k => !International(k)), Sum(false, k => !International(k))),
        };
        var sources = bySource
            .GroupBy(g => (g.SourceKind, g.Region))
            .OrderBy(g => g.Key.SourceKind).ThenBy(g => g.Key.Region ?? 0)
            .Select(g => new BreakdownRow(
                SourceKey(g.Key.SourceKind, g.Key.Region),
                LocalizedText.Empty,
                g.Where(x => x.Current).Sum(x => x.Count),
                g.Where(x => !x.Current).Sum(x => x.Count)))
            .ToList();
        var topics = byTopic
            .GroupBy(g => (g.Slug, g.NameEn, g.NameEs))
            .Select(g => new BreakdownRow(
                g.Key.Slug,
                LocalizedText.Pick(g.Key.NameEn, g.Key.NameEs, culture),
                g.Where(x => x.Current).Sum(x => x.Count),
                g.Where(x => !x.Current).Sum(x => x.Count)))
            .OrderByDescending(r => r.Current).ThenBy(r => r.Label.Text, StringComparer.Create(culture, true))
            .ToList();
        return (figures, sources, topics);
    }

    /// <summary>"InternationalOrganisation" or "NationalAuthority.SouthAmerica": the resource key suffix of a source row.</summary>
    public static string SourceKey(SourceKind kind, Region? region) =>
        region is null ? kind.ToString() : $"{kind}.{region}";

    // ---- Portal usage (first-party page views). ----

    /// <summary>Page views of the days <paramref name="from"/> to <paramref name="to"/> (scope: the visitor's country).</summary>
    public IQueryable<PageView> PageViews(ReportScope scope, DateOnly from, DateOnly to)
    {
        var views = analytics.Views(from, to);
        return scope switch
        {
            { CountryCode: { } code } => views.Where(v => v.CountryCode == code),
            // IN (one uncorrelated subquery): the codes are read once, and CountryCode is in the day indexes.
            { Region: { } region } => views.Where(v => db.Countries.Where(c => c.Region == region).Select(c => c.Code).Contains(v.CountryCode)),
            // A page view has no organisation: a partner or programme report does not count usage.
            { IsByOrganisation: true } => views.Where(v => false),
            _ => views,
        };
    }

    private async Task<UsageSection> ReadUsageAsync(ReportPeriod period, ReportScope scope, CancellationToken cancellationToken)
    {
        if (scope.IsByOrganisation)
        {
            return new UsageSection { NotScoped = true };
        }

        var first = await analytics.FirstRecordedAsync(cancellationToken);
        if (first is null)
        {
            return new UsageSection();
        }

        // The same reader as the staff analytics page (/Admin/Analytics), so the two always agree; the period and the
        // previous one in one query.
        var (now, before) = await analytics.TotalsAsync(PageViews(scope, period.Previous.From, period.To), period.From, cancellationToken);
        var topPages = await PageViews(scope, period.From, period.To)
            .GroupBy(v => v.Path)
            .Select(g => new { Path = g.Key, Views = g.Count() })
            .OrderByDescending(p => p.Views).ThenBy(p => p.Path)
            .Take(10)
            .ToListAsync(cancellationToken);
        return new UsageSection
        {
            HasAnalytics = true,
            FirstRecordedUtc = first,
            Figures =
            [
                new("usage.views", now.Views, before.Views),
                new("usage.visitors", now.Visitors, before.Visitors),
                new("usage.sessions", now.Sessions, before.Sessions),
                new("usage.returning", now.ReturningVisitors, before.ReturningVisitors),
            ],
            TopPages = [.. topPages.Select(p => new BreakdownRow(p.Path, new LocalizedText(p.Path, LocalizedText.English, false), p.Views, 0))],
        };
    }

    // ---- Speaking engagements. ----

    public IQueryable<SpeakingEngagement> Speaking(ReportScope scope, DateOnly from, DateOnly to)
    {
        var engagements = db.SpeakingEngagements.AsNoTracking().Where(e => e.Date >= from && e.Date <= to);
        return scope switch
        {
            { CountryCode: { } code } => engagements.Where(e =>
                e.Countries.Any(c => c.Country!.Code == code) || (e.Organiser != null && e.Organiser.Country != null && e.Organiser.Country.Code == code)),
            { Region: { } region } => engagements.Where(e =>
                e.Countries.Any(c => c.Country!.Region == region) || (e.Organiser != null && e.Organiser.Country != null && e.Organiser.Country.Region == region)),
            { IsByOrganisation: true } => engagements.Where(e => e.OrganiserId != null).Where(
                Rewrite<SpeakingEngagement>(IsScopeOrganisation(scope), e => e.OrganiserId)),
            _ => engagements,
        };
    }

    private async Task<(IReadOnlyList<Figure>, IReadOnlyList<SpeakingRow>)> ReadSpeakingAsync(
        ReportPeriod period, ReportScope scope, CultureInfo culture, CancellationToken cancellationToken)
    {
        var from = period.From;
        var groups = await Speaking(scope, period.Previous.From, period.To)
            .Select(e => new { Current = e.Date >= from, e.AudienceSize })
            .GroupBy(e => e.Current)
            .Select(g => new { Current = g.Key, Count = g.Count(), Audience = g.Sum(e => e.AudienceSize ?? 0) })
            .ToListAsync(cancellationToken);
        var rows = await Speaking(scope, period.From, period.To)
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Date,
                e.TitleEn,
                e.TitleEs,
                OrganiserEn = e.Organiser == null ? e.OrganiserName : e.Organiser.NameEn,
                OrganiserEs = e.Organiser == null ? e.OrganiserName : e.Organiser.NameEs,
                e.Speaker,
                e.AudienceSize,
                e.AudienceCountryCount,
            })
            .ToListAsync(cancellationToken);
        var now = groups.SingleOrDefault(g => g.Current);
        var before = groups.SingleOrDefault(g => !g.Current);
        return (
            [
                new("speaking.count", now?.Count ?? 0, before?.Count ?? 0),
                new("speaking.audience", now?.Audience ?? 0, before?.Audience ?? 0),
            ],
            [
                .. rows.Select(r => new SpeakingRow(
                    r.Date,
                    LocalizedText.Pick(r.TitleEn, r.TitleEs, culture),
                    LocalizedText.Pick(r.OrganiserEn, r.OrganiserEs, culture) with { IsFallback = false },
                    r.Speaker,
                    r.AudienceSize,
                    r.AudienceCountryCount)),
            ]);
    }

    // ---- Activities planned for the next period. ----

    /// <summary>
    /// What is planned for a period: activities not cancelled that start in it, and planned ones already under way
    /// when it begins (a course announced for June 29 – July 24 belongs to the July–August plans).
    /// </summary>
    public IQueryable<Activity> PlannedFor(ReportScope scope, ReportPeriod period)
    {
        var startUtc = period.StartUtc;
        var endUtc = period.EndUtc;
        return Activities(scope).Where(a =>
            a.Status != ActivityStatus.Cancelled
            && a.PublicationState == PublicationState.Published
            && a.StartsAtUtc < endUtc && a.EndsAtUtc >= startUtc
            && (a.StartsAtUtc >= startUtc || a.Status == ActivityStatus.Planned));
    }

    private async Task<(IReadOnlyList<Figure>, IReadOnlyList<PlannedRow>)> ReadPlannedAsync(
        ReportPeriod period, ReportScope scope, CultureInfo culture, CancellationToken cancellationToken)
    {
        // What is planned for the next period is known today; what was planned for this period when the previous one ended
        // is not on file (an activity's status history is not kept), and today's count for this period (mostly held by
        // now) would compare two different horizons. So the figure has no comparison.
        var next = period.Next;
        var nextCount = await PlannedFor(scope, next).CountAsync(cancellationToken);
        var rows = await PlannedFor(scope, next)
            .OrderBy(a => a.Kind).ThenBy(a => a.StartsAtUtc).ThenBy(a => a.Id)
            .Select(ActivityRow.Projection)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return (
            [new("planned.count", nextCount, 0) { IsComparable = false }],
            [
                .. rows.Select(r => new PlannedRow(r.Slug, r.Kind, r.Status, r.Title(culture), r.Schedule(culture), r.PartnerNames(culture))),
            ]);
    }

    /// <summary>Applies a test on an organisation id to the organisation column of another entity (one SQL predicate).</summary>
    private static Expression<Func<T, bool>> Rewrite<T>(Expression<Func<int?, bool>> test, Expression<Func<T, int?>> column)
    {
        var body = new ParameterReplacer(test.Parameters[0], column.Body).Visit(test.Body);
        return Expression.Lambda<Func<T, bool>>(body, column.Parameters);
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }

    /// <summary>The columns every activity list of the report reads, in one projection.</summary>
    private sealed class ActivityRow
    {
        public static readonly Expression<Func<Activity, ActivityRow>> Projection = a => new ActivityRow
        {
            Slug = a.Slug,
            Kind = a.Kind,
            Status = a.Status,
            TitleEn = a.TitleEn,
            TitleEs = a.TitleEs,
            StatusReasonEn = a.StatusReasonEn,
            StatusReasonEs = a.StatusReasonEs,
            StartsAtUtc = a.StartsAtUtc,
            EndsAtUtc = a.EndsAtUtc,
            OriginalStartsAtUtc = a.OriginalStartsAtUtc,
            OriginalEndsAtUtc = a.OriginalEndsAtUtc,
            TimeZoneId = a.TimeZoneId,
            IsAllDay = a.IsAllDay,
            City = a.City,
            HostEn = a.HostCountry == null ? null : a.HostCountry.NameEn,
            HostEs = a.HostCountry == null ? null : a.HostCountry.NameEs,
            ReportedParticipants = a.ReportedParticipants,
            Attended = a.Registrations.Count(r => r.Attended == true),
            HasRegistrations = a.Registrations.Any(),
            ReportedMemberStates = a.ReportedMemberStates,
            Partners = a.Partners.OrderBy(p => p.SortOrder).ThenBy(p => p.OrganisationId)
                .Select(p => new PartnerName(p.Organisation!.NameEn, p.Organisation.NameEs)).ToList(),
            Entered = a.ParticipatingCountries.Select(c => c.CountryId).ToList(),
        };

        public string Slug { get; init; } = "";
        public ActivityKind Kind { get; init; }
        public ActivityStatus Status { get; init; }
        public string TitleEn { get; init; } = "";
        public string? TitleEs { get; init; }
        public string? StatusReasonEn { get; init; }
        public string? StatusReasonEs { get; init; }
        public DateTime StartsAtUtc { get; init; }
        public DateTime EndsAtUtc { get; init; }
        public DateTime? OriginalStartsAtUtc { get; init; }
        public DateTime? OriginalEndsAtUtc { get; init; }
        public string TimeZoneId { get; init; } = "";
        public bool IsAllDay { get; init; }
        public string? City { get; init; }
        public string? HostEn { get; init; }
        public string? HostEs { get; init; }
        public int? ReportedParticipants { get; init; }
        public int Attended { get; init; }
        public bool HasRegistrations { get; init; }
        public int? ReportedMemberStates { get; init; }
        public List<PartnerName> Partners { get; init; } = [];
        public List<int> Entered { get; init; } = [];

        public LocalizedText Title(CultureInfo culture) => LocalizedText.Pick(TitleEn, TitleEs, culture);

        public ActivitySchedule Schedule(CultureInfo culture) => ActivitySchedule.Create(StartsAtUtc, EndsAtUtc, TimeZoneId, IsAllDay, culture);

        // Organisation names are proper names: one spelling is used as is, without the "other language" marker.
        public IReadOnlyList<LocalizedText> PartnerNames(CultureInfo culture) =>
            [.. Partners.Select(p => LocalizedText.Pick(p.NameEn, p.NameEs, culture) with { IsFallback = false })];
    }

    private sealed record PartnerName(string NameEn, string? NameEs);

    /// <summary>One country of one held activity: entered by staff (historical) or of someone who attended.</summary>
    private sealed class CountryPair
    {
        public string Slug { get; init; } = "";
        public bool IsWebinar { get; init; }
        public bool Current { get; init; }
        public int CountryId { get; init; }
        public bool Entered { get; init; }
    }
}
