using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Places;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Places;

/// <summary>
/// Reads the partners list (one SQL command: organisations with at least one published activity, counted in SQL) and a
/// partner page (two: the organisation, then its published activities). Organisation names are proper names,
/// so a name on file in one language only is shown as it is, without a fallback marker.
/// </summary>
public sealed class PartnersReader(PortalDbContext db, TimeProvider clock)
{
    /// <summary>How many past activities a partner page lists (newest first); upcoming ones are all listed.</summary>
    public const int PastListSize = 50;

    public async Task<PartnersDirectoryModel> ReadDirectoryAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var culture = CultureInfo.CurrentUICulture;
        var links = db.ActivityPartners.Where(p => db.Activities.Public(now).Any(a => a.Id == p.ActivityId));
        var rows = await db.Organisations.AsNoTracking()
            .Where(o => links.Any(p => p.OrganisationId == o.Id))
            .Select(o => new
            {
                o.Slug,
                o.NameEn,
                o.NameEs,
                o.Acronym,
                o.Type,
                CountryEn = o.Country == null ? null : o.Country.NameEn,
                CountryEs = o.Country == null ? null : o.Country.NameEs,
                Activities = links.Count(p => p.OrganisationId == o.Id),
                Upcoming = links.Count(p => p.OrganisationId == o.Id && p.Activity!.StartsAtUtc >= now),
            })
            .ToListAsync(cancellationToken);

        var comparer = StringComparer.Create(culture, CompareOptions.IgnoreCase);
        var cards = rows
            .Select(r => (r.Type, Card: new PartnerCardModel(
                r.Slug, ProperName(r.NameEn, r.NameEs, culture), r.Acronym,
                LocalizedText.Pick(r.CountryEn, r.CountryEs, culture), r.Activities, r.Upcoming)))
            .ToList();
        return new PartnersDirectoryModel
        {
            Groups = [.. cards.GroupBy(c => c.Type)
                .OrderBy(g => g.Key)
                .Select(g => new PartnerGroupModel(g.Key, [.. g.Select(c => c.Card).OrderBy(c => c.Name, comparer)]))],
        };
    }

    /// <summary>The partner page, or null when no organisation has this slug.</summary>
    public async Task<PartnerPageModel?> ReadPartnerAsync(string slug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var culture = CultureInfo.CurrentUICulture;
        var activities = db.Activities.Public(now);
        var row = await db.Organisations.AsNoTracking()
            .Where(o => o.Slug == slug)
            .Select(o => new
            {
                o.Id,
                o.Slug,
                o.NameEn,
                o.NameEs,
                o.Acronym,
                o.Type,
                o.WebsiteUrl,
                o.DescriptionEn,
                o.DescriptionEs,
                CountryCode = o.Country == null ? null : o.Country.Code,
                CountryEn = o.Country == null ? null : o.Country.NameEn,
                CountryEs = o.Country == null ? null : o.Country.NameEs,
                Count = db.ActivityPartners.Count(p => p.OrganisationId == o.Id && activities.Any(a => a.Id == p.ActivityId)),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var rows = await db.ActivityPartners.AsNoTracking()
            .Where(p => p.OrganisationId == row.Id && activities.Any(a => a.Id == p.ActivityId))
            .OrderByDescending(p => p.Activity!.StartsAtUtc >= now)
            .ThenByDescending(p => p.Activity!.StartsAtUtc)
            .Take(PastListSize)
            .Select(p => new
            {
                p.Role,
                p.Activity!.Slug,
                p.Activity.TitleEn,
                p.Activity.TitleEs,
                p.Activity.Kind,
                p.Activity.Status,
                p.Activity.StartsAtUtc,
                p.Activity.EndsAtUtc,
                p.Activity.TimeZoneId,
                p.Activity.IsAllDay,
                p.Activity.IsOnline,
                p.Activity.City,
                HostEn = p.Activity.HostCountry == null ? null : p.Activity.HostCountry.NameEn,
                HostEs = p.Activity.HostCountry == null ? null : p.Activity.HostCountry.NameEs,
                p.Activity.ReportedParticipants,
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(a => new PlaceActivityModel(
            a.Slug,
                LocalizedText.Pick(a.TitleEn, a.TitleEs, culture),
            a.Kind,
            a.Status,
                ActivitySchedule.Create(a.StartsAtUtc, a.EndsAtUtc, a.TimeZoneId, a.IsAllDay, culture),
            a.StartsAtUtc >= now,
            a.IsOnline,
            a.City,
                LocalizedText.Pick(a.HostEn, a.HostEs, culture) with { IsFallback = false },
            a.ReportedParticipants,
            a.Role)).ToList();
        return new PartnerPageModel
        {
            Slug = row.Slug,
            Name = ProperName(row.NameEn, row.NameEs, culture),
            Acronym = row.Acronym,
            Type = row.Type,
            CountrySlug = row.CountryCode is null ? null : MemberStatesReader.SlugOf(row.CountryCode),
            Country = LocalizedText.Pick(row.CountryEn, row.CountryEs, culture),
            WebsiteUrl = IsWebAddress(row.WebsiteUrl) ? row.WebsiteUrl : null,
            Description = LocalizedText.Pick(row.DescriptionEn, row.DescriptionEs, culture),
            // Upcoming: soonest first. Past: most recent first.
            Upcoming = [.. items.Where(i => i.IsUpcoming).Reverse()],
            Past = [.. items.Where(i => !i.IsUpcoming)],
            ActivityCount = row.Count,
        };
    }

    private static string ProperName(string en, string? es, CultureInfo culture) => LocalizedText.Pick(en, es, culture).Text;

    /// <summary>Only http(s) addresses become links: a "javascript:" URL typed by mistake must never be clickable.</summary>
    private static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
