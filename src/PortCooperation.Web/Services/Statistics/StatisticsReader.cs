using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Statistics;

/// <summary>
/// The public statistics, each page in at most two SQL commands: the database groups and sums (GROUP BY year,
/// country, gender…) and only the grouped rows (a few hundred at most) come back to be arranged into datasets.
/// Activities and documents count only when published; participation counts held webinars and courses (a historical
/// activity's entered total, otherwise the registrants marked as attended).
/// </summary>
public sealed class StatisticsReader(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const string Scholarships = "scholarships";
    public const string Participation = "participation";
    public const string Documents = "documents";

    public static IReadOnlyList<string> Pages { get; } = [Scholarships, Participation, Documents];

    private static readonly Region[] _regions = [Region.NorthAmerica, Region.CentralAmerica, Region.SouthAmerica, Region.Caribbean];

    public Task<StatisticsPage> ReadAsync(string page, CancellationToken cancellationToken) => page switch
    {
        Scholarships => ReadScholarshipsAsync(cancellationToken),
        Participation => ReadParticipationAsync(cancellationToken),
        Documents => ReadDocumentsAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(page)),
    };

    private async Task<StatisticsPage> ReadScholarshipsAsync(CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var groups = await db.ScholarshipAwards.AsNoTracking()
            .Select(a => new { a.AwardedOn.Year, a.Country!.Code, a.Country.NameEn, a.Country.NameEs, a.Country.Region, a.Gender, a.AmountUsd })
            .GroupBy(a => new { a.Year, a.Code, a.NameEn, a.NameEs, a.Region, a.Gender })
            .Select(g => new { g.Key.Year, g.Key.Code, g.Key.NameEn, g.Key.NameEs, g.Key.Region, g.Key.Gender, Count = g.Count(), Usd = g.Sum(a => a.AmountUsd) })
            .ToListAsync(cancellationToken);

        string[] columns = ["scholarships", "usd"];
        string[] titles = [text["Stats_Column_Scholarships"], text["Stats_Column_Usd"]];
        var byYear = groups.GroupBy(g => g.Year).OrderBy(g => g.Key)
            .Select(g => new DatasetRow(g.Key.ToString(CultureInfo.InvariantCulture), g.Key.ToString(CultureInfo.InvariantCulture), [g.Sum(x => x.Count), g.Sum(x => x.Usd)]));
        var byRegion = groups.GroupBy(g => g.Region).OrderBy(g => g.Key)
            .Select(g => new DatasetRow(RegionKey(g.Key), text[$"Report_Region_{g.Key}"], [g.Sum(x => x.Count), g.Sum(x => x.Usd)]));
        var byState = groups.GroupBy(g => (g.Code, g.NameEn, g.NameEs))
            .Select(g => new DatasetRow(g.Key.Code, LocalizedText.Pick(g.Key.NameEn, g.Key.NameEs, culture).Text, [g.Sum(x => x.Count), g.Sum(x => x.Usd)]))
            .OrderByDescending(r => r.Values[0]).ThenBy(r => r.Label, StringComparer.Create(culture, true));
        var byGender = new[] { Gender.Female, Gender.Male }
            .Select(gender => new DatasetRow(gender.ToString().ToLowerInvariant(), text[$"Stats_Gender_{gender}"],
                [groups.Where(x => x.Gender == gender).Sum(x => x.Count), groups.Where(x => x.Gender == gender).Sum(x => x.Usd)]))
            .Append(new DatasetRow("not-recorded", text["Stats_Gender_NotRecorded"],
                [groups.Where(x => x.Gender is not (Gender.Female or Gender.Male)).Sum(x => x.Count), groups.Where(x => x.Gender is not (Gender.Female or Gender.Male)).Sum(x => x.Usd)]));

        return new StatisticsPage(Scholarships,
        [
            new("scholarships-by-year", text["Stats_Chart_ScholarshipsByYear"], columns, titles, [.. byYear]),
            new("scholarships-by-region", text["Stats_Chart_ScholarshipsByRegion"], columns, titles, [.. byRegion]),
            new("scholarships-by-member-state", text["Stats_Chart_ScholarshipsByState"], columns, titles, [.. byState]),
            new("scholarships-by-gender", text["Stats_Chart_ScholarshipsByGender"], columns, titles, [.. byGender]),
        ]);
    }

    private async Task<StatisticsPage> ReadParticipationAsync(CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var now = clock.GetUtcNow().UtcDateTime;
        var held = db.Activities.AsNoTracking().Held(now);

        var byYear = await held
            .Select(a => new
            {
                a.StartsAtUtc.Year,
                IsWebinar = a.Kind == ActivityKind.Webinar,
                Participants = (a.Registrations.Any() ? a.Registrations.Count(r => r.Attended == true) : a.ReportedParticipants ?? 0),
            })
            .GroupBy(a => new { a.Year, a.IsWebinar })
            .Select(g => new { g.Key.Year, g.Key.IsWebinar, Activities = g.Count(), Participants = g.Sum(a => a.Participants) })
            .ToListAsync(cancellationToken);

        // A country took part in an activity when it is entered for it (historical) or an attendee came from it.
        var entered = db.ActivityCountries
            .Where(c => held.Any(a => a.Id == c.ActivityId))
            .Select(c => new { c.ActivityId, IsWebinar = c.Activity!.Kind == ActivityKind.Webinar, c.Country!.Code, c.Country.NameEn, c.Country.NameEs });
        var attended = db.Registrations
            .Where(r => r.Attended == true && r.CountryId != null && held.Any(a => a.Id == r.ActivityId))
            .Select(r => new { r.ActivityId, IsWebinar = r.Activity!.Kind == ActivityKind.Webinar, r.Country!.Code, r.Country.NameEn, r.Country.NameEs });
        var byCountry = await entered.Union(attended)
            .GroupBy(x => new { x.Code, x.NameEn, x.NameEs, x.IsWebinar })
            .Select(g => new { g.Key.Code, g.Key.NameEn, g.Key.NameEs, g.Key.IsWebinar, Activities = g.Count() })
            .ToListAsync(cancellationToken);

        var years = byYear.GroupBy(y => y.Year).OrderBy(g => g.Key).Select(g => new DatasetRow(
            g.Key.ToString(CultureInfo.InvariantCulture), g.Key.ToString(CultureInfo.InvariantCulture),
            [
                g.Where(x => x.IsWebinar).Sum(x => x.Participants), g.Where(x => !x.IsWebinar).Sum(x => x.Participants),
                g.Where(x => x.IsWebinar).Sum(x => x.Activities), g.Where(x => !x.IsWebinar).Sum(x => x.Activities),
            ]));
        var countries = byCountry.GroupBy(c => (c.Code, c.NameEn, c.NameEs)).Select(g => new DatasetRow(
                g.Key.Code, LocalizedText.Pick(g.Key.NameEn, g.Key.NameEs, culture).Text,
                [g.Where(x => x.IsWebinar).Sum(x => x.Activities), g.Where(x => !x.IsWebinar).Sum(x => x.Activities)]))
            .OrderByDescending(r => r.Values[0] + r.Values[1]).ThenBy(r => r.Label, StringComparer.Create(culture, true));

        return new StatisticsPage(Participation,
        [
            new("participation-by-year", text["Stats_Chart_ParticipationByYear"],
                ["webinar-participants", "course-participants", "webinars", "courses"],
                [text["Stats_Column_WebinarParticipants"], text["Stats_Column_CourseParticipants"], text["Stats_Column_Webinars"], text["Stats_Column_Courses"]],
                [.. years],
                ChartedColumns: 2),
            new("participation-by-country", text["Stats_Chart_ParticipationByCountry"],
                ["webinars", "courses"],
                [text["Stats_Column_WebinarsWithCountry"], text["Stats_Column_CoursesWithCountry"]],
                [.. countries],
                ChartedColumns: 2),
        ]);
    }

    private async Task<StatisticsPage> ReadDocumentsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var culture = CultureInfo.CurrentUICulture;
        var published = db.Documents.AsNoTracking().Public(now);
        var bySource = await published
            .Select(d => new { International = d.SourceKind == SourceKind.InternationalOrganisation, Region = d.Country == null ? (Region?)null : d.Country.Region })
            .GroupBy(d => new { d.International, d.Region })
            .Select(g => new { g.Key.International, g.Key.Region, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byTopic = await db.DocumentTopics
            .Where(t => published.Any(d => d.Id == t.DocumentId))
            .GroupBy(t => new { t.Topic!.Slug, t.Topic.NameEn, t.Topic.NameEs })
            .Select(g => new { g.Key.Slug, g.Key.NameEn, g.Key.NameEs, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // International organisations first, then national measures by the region of their member state.
        var regions = new List<DatasetRow>
        {
            new("international", text["Report_Source_InternationalOrganisation"], [bySource.Where(s => s.International).Sum(s => s.Count)]),
        };
        regions.AddRange(_regions.Select(r => new DatasetRow(RegionKey(r), text[$"Report_Region_{r}"],
            [bySource.Where(s => !s.International && s.Region == r).Sum(s => s.Count)])));
        var elsewhere = bySource.Where(s => !s.International && (s.Region is null || !_regions.Contains(s.Region.Value))).Sum(s => s.Count);
        if (elsewhere > 0)
        {
            regions.Add(new DatasetRow("other", text["Stats_Region_Other"], [elsewhere]));
        }

        var topics = byTopic
            .Select(t => new DatasetRow(t.Slug, LocalizedText.Pick(t.NameEn, t.NameEs, culture).Text, [t.Count]))
            .OrderByDescending(r => r.Values[0]).ThenBy(r => r.Label, StringComparer.Create(culture, true));
        string[] columns = ["documents"];
        string[] titles = [text["Stats_Column_Documents"]];
        return new StatisticsPage(Documents,
        [
            new("documents-by-region", text["Stats_Chart_DocumentsByRegion"], columns, titles, regions),
            new("documents-by-topic", text["Stats_Chart_DocumentsByTopic"], columns, titles, [.. topics]),
        ]);
    }

    /// <summary>"north-america", "caribbean": the key of a region in URLs, CSV and JSON.</summary>
    public static string RegionKey(Region region) => region switch
    {
        Region.NorthAmerica => "north-america",
        Region.CentralAmerica => "central-america",
        Region.SouthAmerica => "south-america",
        Region.Caribbean => "caribbean",
        Region.Europe => "europe",
        _ => "other",
    };
}
