using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure;
using PortCooperation.Web.Models.Places;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Places;

/// <summary>
/// Reads the member-states directory (one SQL command) and a country page (three: the country with its port systems
/// and figures; its documents, hosted and attended activities and speaking engagements as one UNION ALL; its
/// scholarships by year). The number of commands never depends on the number of rows.
/// </summary>
public sealed class MemberStatesReader(PortalDbContext db, TimeProvider clock)
{
    /// <summary>How many documents, activities and engagements a country page lists per section (newest first).</summary>
    public const int ListSize = 12;

    private static readonly Region[] _memberRegions = [Region.NorthAmerica, Region.CentralAmerica, Region.SouthAmerica, Region.Caribbean];

    /// <summary>The URL slug of a country: its ISO 3166-1 alpha-2 code in lower case ("pe").</summary>
    public static string SlugOf(string code) => code.ToLowerInvariant();

    public async Task<MemberStatesDirectoryModel> ReadDirectoryAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var culture = CultureInfo.CurrentUICulture;
        var activities = db.Activities.Public(now);
        var documents = db.Documents.Public(now);
        var rows = await db.Countries.AsNoTracking()
            .Select(c => new
            {
                c.Code,
                c.NameEn,
                c.NameEs,
                c.IsMemberState,
                c.Region,
                PortSystems = c.PortSystems.Count(),
                Documents = documents.Count(d => d.CountryId == c.Id),
                Hosted = activities.Count(a => a.HostCountryId == c.Id),
            })
            .ToListAsync(cancellationToken);

        var comparer = StringComparer.Create(culture, CompareOptions.IgnoreCase);
        var cards = rows
            .Select(r => (r.IsMemberState, r.Region, Card: new CountryCardModel(
                SlugOf(r.Code), r.Code, LocalizedText.Pick(r.NameEn, r.NameEs, culture), r.PortSystems, r.Documents, r.Hosted)))
            .OrderBy(r => r.Card.Name.Text, comparer)
            .ToList();

        // A member state in a region outside the four (should not happen) still appears, under "Other".
        var regions = cards.Where(c => c.IsMemberState).Select(c => c.Region).Distinct()
            .OrderBy(r => Array.IndexOf(_memberRegions, r) is var i and >= 0 ? i : int.MaxValue).ThenBy(r => r);
        return new MemberStatesDirectoryModel
        {
            Regions = [.. regions.Select(region => new RegionGroupModel(region,
                [.. cards.Where(c => c.IsMemberState && c.Region == region).Select(c => c.Card)]))],
            OtherCountries = [.. cards.Where(c => !c.IsMemberState).Select(c => c.Card)],
        };
    }

    /// <summary>The country page, or null when no country has this code.</summary>
    public async Task<CountryPageModel?> ReadCountryAsync(string code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var culture = CultureInfo.CurrentUICulture;
        var upper = code.ToUpperInvariant();
        var activities = db.Activities.Public(now);
        var documents = db.Documents.Public(now);
        var withoutCountries = db.Activities.Held(now).WithoutCountries();
        var countedRegistrations = db.Registrations.Where(r =>
            r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Rejected && activities.Any(a => a.Id == r.ActivityId));

        // 1: the country, its port systems with their programme memberships, and the figures as scalar subqueries.
        var country = await db.Countries.AsNoTracking()
            .Where(c => c.Code == upper)
            .Select(c => new CountryRow
            {
                Id = c.Id,
                Code = c.Code,
                NameEn = c.NameEn,
                NameEs = c.NameEs,
                IsMemberState = c.IsMemberState,
                Region = c.Region,
                PortSystems = c.PortSystems
                    .OrderBy(p => p.Name).ThenBy(p => p.Id)
                    .Select(p => new PortRow
                    {
                        Name = p.Name,
                        UnLocode = p.UnLocode,
                        Memberships = p.Memberships
                            .OrderBy(m => m.Programme!.NameEn).ThenBy(m => m.Phase!.Sequence)
                            .Select(m => new MembershipRow
                            {
                                ProgrammeEn = m.Programme!.NameEn,
                                ProgrammeEs = m.Programme.NameEs,
                                PhaseLabel = m.Phase!.Label,
                                StartYear = m.Phase.StartYear,
                                EndYear = m.Phase.EndYear,
                            })
                            .ToList(),
                    })
                    .ToList(),
                DocumentCount = documents.Count(d => d.CountryId == c.Id),
                HostedCount = activities.Count(a => a.HostCountryId == c.Id),
                ParticipatedCount = db.ActivityCountries.Count(x => x.CountryId == c.Id && activities.Any(a => a.Id == x.ActivityId)),
                EnteredParticipants = db.ActivityCountries
                    .Where(x => x.CountryId == c.Id && activities.Any(a => a.Id == x.ActivityId))
                    .Sum(x => x.Participants ?? 0),
                Registrations = countedRegistrations.Count(r => r.CountryId == c.Id),
                Attended = countedRegistrations.Count(r => r.CountryId == c.Id && r.Attended == true),
                SpeakingCount = db.SpeakingEngagements.Count(e =>
                    e.Countries.Any(x => x.CountryId == c.Id) || (e.Organiser != null && e.Organiser.CountryId == c.Id)),
                WithoutCountriesCount = withoutCountries.Count(),
                WithoutCountriesParticipants = withoutCountries
                    .Sum(a => a.Registrations.Any() ? a.Registrations.Count(r => r.Attended == true) : a.ReportedParticipants ?? 0),
            })
            // One command, as the class promises: a country has a few port systems with a few memberships each.
            .AsSingleQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (country is null)
        {
            return null;
        }

        // 2: the four lists in one round trip.
        var items = await ReadItemsAsync(country.Id, now, cancellationToken);

        // 3: scholarships by year.
        var scholarships = await db.ScholarshipAwards.AsNoTracking()
            .Where(s => s.CountryId == country.Id)
            .GroupBy(s => s.AwardedOn.Year)
            .Select(g => new
            {
                Year = g.Key,
                Awards = g.Count(),
                Women = g.Count(s => s.Gender == Gender.Female),
                Men = g.Count(s => s.Gender == Gender.Male),
                AmountUsd = g.Sum(s => s.AmountUsd),
            })
            .ToListAsync(cancellationToken);

        return new CountryPageModel
        {
            Slug = SlugOf(country.Code),
            Code = country.Code,
            Name = LocalizedText.Pick(country.NameEn, country.NameEs, culture),
            Region = country.Region,
            IsMemberState = country.IsMemberState,
            PortSystems = [.. country.PortSystems.Select(p => new CountryPortSystemModel(p.Name, p.UnLocode,
                [.. p.Memberships.Select(m => new PortMembershipModel(
                    LocalizedText.Pick(m.ProgrammeEn, m.ProgrammeEs, culture), m.PhaseLabel, m.StartYear, m.EndYear))]))],
            Documents = [.. items.Where(i => i.Section == Section.Document).OrderByDescending(i => i.On).ThenByDescending(i => i.Id)
                .Select(i => new CountryDocumentModel(i.Slug, LocalizedText.Pick(i.TitleEn, i.TitleEs, culture), i.On,
                    ProperName(i.DetailEn, i.DetailEs, culture)))],
            DocumentCount = country.DocumentCount,
            HostedActivities = [.. Activities(items, Section.Hosted, now, culture)],
            HostedActivityCount = country.HostedCount,
            ParticipatedActivities = [.. Activities(items, Section.Participated, now, culture)],
            Participation = new ParticipationFiguresModel
            {
                Activities = country.ParticipatedCount,
                EnteredParticipants = country.EnteredParticipants,
                Registrations = country.Registrations,
                Attended = country.Attended,
                HeldWithoutCountries = country.WithoutCountriesCount,
                HeldWithoutCountriesParticipants = country.WithoutCountriesParticipants,
            },
            Scholarships = [.. scholarships.OrderByDescending(s => s.Year).Select(s => new ScholarshipYearModel(s.Year, s.Awards, s.Women, s.Men, s.AmountUsd))],
            SpeakingEngagements = [.. items.Where(i => i.Section == Section.Speaking).OrderByDescending(i => i.On).ThenByDescending(i => i.Id)
                .Select(i => new CountrySpeakingModel(LocalizedText.Pick(i.TitleEn, i.TitleEs, culture), i.On ?? default,
                    ProperName(i.DetailEn, i.DetailEs, culture), i.IsOnline, i.Figure))],
            SpeakingEngagementCount = country.SpeakingCount,
        };
    }

    /// <summary>Organisation names are proper names: one spelling is shown as is, without a fallback marker.</summary>
    private static string? ProperName(string? en, string? es, CultureInfo culture) =>
        LocalizedText.Pick(en, es, culture) is { IsEmpty: false } name ? name.Text : null;

    private static IEnumerable<PlaceActivityModel> Activities(List<ItemRow> items, Section section, DateTime now, CultureInfo culture) =>
        items.Where(i => i.Section == section)
            .OrderByDescending(i => i.StartsAtUtc).ThenByDescending(i => i.Id)
            .Select(i => new PlaceActivityModel(
                i.Slug,
                LocalizedText.Pick(i.TitleEn, i.TitleEs, culture),
                i.Kind ?? ActivityKind.Meeting,
                i.Status ?? ActivityStatus.Planned,
                ActivitySchedule.Create(i.StartsAtUtc ?? default, i.EndsAtUtc ?? default, i.TimeZoneId, i.IsAllDay, culture),
                i.StartsAtUtc >= now,
                i.IsOnline,
                i.City,
                LocalizedText.Pick(i.DetailEn, i.DetailEs, culture) with { IsFallback = false },
                i.Figure));

    /// <summary>Documents from the country, activities it hosted or took part in, and speaking engagements involving it.</summary>
    /// <summary>
    /// The four lists in one UNION ALL round trip on SQLite and SQL Server. PostgreSQL types a NULL column of a
    /// LIMITed branch as text and then refuses to union it with a date or timestamp column, so there the four lists
    /// are read one by one (four short commands instead of one).
    /// </summary>
    private async Task<List<ItemRow>> ReadItemsAsync(int countryId, DateTime now, CancellationToken cancellationToken)
    {
        var parts = ListItemParts(countryId, now);
        var oneCommand = db.Provider switch
        {
            DatabaseProvider.Sqlite or DatabaseProvider.SqlServer => true,
            DatabaseProvider.PostgreSql => false,
            var other => throw new NotSupportedException($"No member-state list query for {other}."),
        };
        if (oneCommand)
        {
            return await ItemsQuery(parts).ToListAsync(cancellationToken);
        }

        var items = new List<ItemRow>();
        foreach (var part in parts)
        {
            items.AddRange(await part.ToListAsync(cancellationToken));
        }

        return items;
    }

    /// <summary>The four lists as one UNION ALL query (internal for the SQL Server syntax checks).</summary>
    internal static IQueryable<ItemRow> ItemsQuery(IQueryable<ItemRow>[] parts) => parts.Aggregate((all, next) => all.Concat(next));

    internal IQueryable<ItemRow> ItemsQuery(int countryId, DateTime now) => ItemsQuery(ListItemParts(countryId, now));

    private IQueryable<ItemRow>[] ListItemParts(int countryId, DateTime now)
    {
        var activities = db.Activities.Public(now);
        var docs = db.Documents.Public(now)
            .Where(d => d.CountryId == countryId)
            .OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id)
            .Take(ListSize)
            .Select(d => new ItemRow
            {
                Section = Section.Document,
                Id = d.Id,
                Slug = d.Slug,
                TitleEn = d.TitleEn,
                TitleEs = d.TitleEs,
                StartsAtUtc = null,
                EndsAtUtc = null,
                On = d.PublishedOn,
                TimeZoneId = null,
                IsAllDay = false,
                Kind = null,
                Status = null,
                City = null,
                DetailEn = d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEn,
                DetailEs = d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEs,
                Figure = null,
                IsOnline = false,
            });
        var hosted = ActivityItems(activities.Where(a => a.HostCountryId == countryId), Section.Hosted, countryId);
        var participated = ActivityItems(
            activities.Where(a => a.ParticipatingCountries.Any(x => x.CountryId == countryId)), Section.Participated, countryId);
        var speaking = db.SpeakingEngagements
            .Where(e => e.Countries.Any(x => x.CountryId == countryId) || (e.Organiser != null && e.Organiser.CountryId == countryId))
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Take(ListSize)
            .Select(e => new ItemRow
            {
                Section = Section.Speaking,
                Id = e.Id,
                Slug = "",
                TitleEn = e.TitleEn,
                TitleEs = e.TitleEs,
                StartsAtUtc = null,
                EndsAtUtc = null,
                On = e.Date,
                TimeZoneId = null,
                IsAllDay = false,
                Kind = null,
                Status = null,
                City = null,
                DetailEn = e.Organiser == null ? e.OrganiserName : e.Organiser.NameEn,
                DetailEs = e.Organiser == null ? e.OrganiserName : e.Organiser.NameEs,
                Figure = e.AudienceSize,
                IsOnline = e.IsOnline,
            });
        return [docs, hosted, participated, speaking];
    }

    /// <summary>
    /// The latest activities of <paramref name="source"/> as list rows. The figure is the entered total for an activity
    /// the country hosted, and the country's own entered head count for one its officials took part in.
    /// </summary>
    private static IQueryable<ItemRow> ActivityItems(IQueryable<Activity> source, Section section, int countryId)
    {
        var hostedList = section == Section.Hosted;
        return source
            .OrderByDescending(a => a.StartsAtUtc).ThenByDescending(a => a.Id)
            .Take(ListSize)
            .Select(a => new ItemRow
            {
                Section = section,
                Id = a.Id,
                Slug = a.Slug,
                TitleEn = a.TitleEn,
                TitleEs = a.TitleEs,
                StartsAtUtc = a.StartsAtUtc,
                EndsAtUtc = a.EndsAtUtc,
                On = null,
                TimeZoneId = a.TimeZoneId,
                IsAllDay = a.IsAllDay,
                Kind = a.Kind,
                Status = a.Status,
                City = a.City,
                DetailEn = hostedList || a.HostCountry == null ? null : a.HostCountry.NameEn,
                DetailEs = hostedList || a.HostCountry == null ? null : a.HostCountry.NameEs,
                Figure = hostedList
                    ? (a.Registrations.Any() ? a.Registrations.Count(r => r.Attended == true) : a.ReportedParticipants)
                    : a.ParticipatingCountries.Where(x => x.CountryId == countryId).Select(x => x.Participants).FirstOrDefault(),
                IsOnline = a.IsOnline,
            });
    }

    internal enum Section
    {
        Document = 1,
        Hosted = 2,
        Participated = 3,
        Speaking = 4,
    }

    internal sealed class ItemRow
    {
        public Section Section { get; init; }
        public int Id { get; init; }
        public string Slug { get; init; } = "";
        public string TitleEn { get; init; } = "";
        public string? TitleEs { get; init; }
        public DateTime? StartsAtUtc { get; init; }
        public DateTime? EndsAtUtc { get; init; }
        public DateOnly? On { get; init; }
        public string? TimeZoneId { get; init; }
        public bool IsAllDay { get; init; }
        public ActivityKind? Kind { get; init; }
        public ActivityStatus? Status { get; init; }
        public string? City { get; init; }
        public string? DetailEn { get; init; }
        public string? DetailEs { get; init; }
        public int? Figure { get; init; }
        public bool IsOnline { get; init; }
    }

    private sealed class CountryRow
    {
        public int Id { get; init; }
        public string Code { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string NameEs { get; init; } = "";
        public bool IsMemberState { get; init; }
        public Region Region { get; init; }
        public List<PortRow> PortSystems { get; init; } = [];
        public int DocumentCount { get; init; }
        public int HostedCount { get; init; }
        public int ParticipatedCount { get; init; }
        public int EnteredParticipants { get; init; }
        public int Registrations { get; init; }
        public int Attended { get; init; }
        public int SpeakingCount { get; init; }
        public int WithoutCountriesCount { get; init; }
        public int WithoutCountriesParticipants { get; init; }
    }

    private sealed class PortRow
    {
        public string Name { get; init; } = "";
        public string? UnLocode { get; init; }
        public List<MembershipRow> Memberships { get; init; } = [];
    }

    private sealed class MembershipRow
    {
        public string ProgrammeEn { get; init; } = "";
        public string? ProgrammeEs { get; init; }
        public string PhaseLabel { get; init; } = "";
        public int? StartYear { get; init; }
        public int? EndYear { get; init; }
    }
}
