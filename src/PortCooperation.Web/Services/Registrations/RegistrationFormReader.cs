using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Registrations;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Registrations;

/// <summary>Reads the registration page in two SQL commands: the activity with its taken places, and the countries.</summary>
public sealed class RegistrationFormReader(PortalDbContext db, TimeProvider clock, IOptions<RegistrationOptions> options)
{
    /// <summary>The published activity with this slug, or null.</summary>
    public async Task<RegistrationActivityModel?> ReadActivityAsync(string slug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var culture = CultureInfo.CurrentUICulture;
        var row = await db.Activities.AsNoTracking()
            .Where(a => a.Slug == slug).Public(now)
            .Select(a => new
            {
                a.Id,
                a.Slug,
                a.TitleEn,
                a.TitleEs,
                a.Kind,
                a.Status,
                a.StartsAtUtc,
                a.EndsAtUtc,
                a.IsAllDay,
                a.TimeZoneId,
                a.IsOnline,
                a.Venue,
                a.City,
                HostEn = a.HostCountry == null ? null : a.HostCountry.NameEn,
                HostEs = a.HostCountry == null ? null : a.HostCountry.NameEs,
                a.RegistrationEnabled,
                a.RegistrationOpensAtUtc,
                a.RegistrationClosesAtUtc,
                a.Capacity,
                a.WaitingListEnabled,
                a.RequiresApproval,
                Taken = a.Registrations.AsQueryable().Count(Registration.TakesPlace),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var rules = new Activity
        {
            RegistrationEnabled = row.RegistrationEnabled,
            Status = row.Status,
            RegistrationOpensAtUtc = row.RegistrationOpensAtUtc,
            RegistrationClosesAtUtc = row.RegistrationClosesAtUtc,
            StartsAtUtc = row.StartsAtUtc,
        };
        var host = LocalizedText.Pick(row.HostEn, row.HostEs, culture).Text;
        return new RegistrationActivityModel
        {
            Id = row.Id,
            Slug = row.Slug,
            Title = LocalizedText.Pick(row.TitleEn, row.TitleEs, culture),
            Kind = row.Kind,
            Schedule = ActivitySchedule.Create(row.StartsAtUtc, row.EndsAtUtc, row.TimeZoneId, row.IsAllDay, culture),
            IsOnline = row.IsOnline,
            Place = row.IsOnline ? null : string.Join(", ", new[] { row.Venue, row.City, host }.Where(s => !string.IsNullOrWhiteSpace(s))),
            RegistrationEnabled = row.RegistrationEnabled,
            IsOpen = RegistrationService.IsOpen(rules, now),
            NotYetOpen = row.RegistrationOpensAtUtc > now,
            ClosesAtUtc = row.RegistrationClosesAtUtc,
            Capacity = row.Capacity,
            PlacesTaken = row.Taken,
            WaitingListEnabled = row.WaitingListEnabled,
            RequiresApproval = row.RequiresApproval,
        };
    }

    /// <summary>
    /// Member states first, then every other country of the world, each group by name in the visitor's language. The
    /// portal's own names win over the shipped list's for the countries it has a record of.
    /// </summary>
    public async Task<IReadOnlyList<CountryOption>> ReadCountriesAsync(CancellationToken cancellationToken)
    {
        var spanish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es";
        var rows = await db.Countries.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.NameEn, c.NameEs, c.IsMemberState })
            .ToListAsync(cancellationToken);
        var known = rows.Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var comparer = StringComparer.Create(CultureInfo.CurrentUICulture, CompareOptions.IgnoreCase);
        return [.. rows
            .Select(c => new CountryOption(c.Code, spanish ? c.NameEs : c.NameEn, c.IsMemberState))
            .Concat(WorldCountries.All.Where(c => !known.Contains(c.Code))
                .Select(c => new CountryOption(c.Code, spanish ? c.NameEs : c.NameEn, IsMemberState: false)))
            .OrderByDescending(c => c.IsMemberState).ThenBy(c => c.Name, comparer)];
    }

    /// <summary>Whether the code names a country the form offers (one of the world's, or one the portal has a row for).</summary>
    public async Task<bool> IsCountryAsync(string code, CancellationToken cancellationToken)
    {
        var upper = code.ToUpperInvariant();
        return WorldCountries.Find(upper) is not null || await db.Countries.AnyAsync(c => c.Code == upper, cancellationToken);
    }

    /// <summary>
    /// The id of the country with this code; a country of the world the portal has no record of yet is added as a
    /// non-member (so the registration, and the statistics over it, keep their country). Null for an unknown code.
    /// </summary>
    public async Task<int?> CountryIdAsync(string code, CancellationToken cancellationToken)
    {
        var upper = code.ToUpperInvariant();
        var id = await db.Countries.AsNoTracking().Where(c => c.Code == upper).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is not null || WorldCountries.Find(upper) is not { } world)
        {
            return id;
        }

        var country = new Country { Code = world.Code, NameEn = world.NameEn, NameEs = world.NameEs, IsMemberState = false, Region = Region.Other };
        db.Countries.Add(country);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return country.Id;
        }
        catch (DbUpdateException)
        {
            // Another registration from the same country added it a moment earlier.
            db.Entry(country).State = EntityState.Detached;
            return await db.Countries.AsNoTracking().Where(c => c.Code == upper).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        }
    }

    public string PrivacyNoticeVersion => options.Value.PrivacyNoticeVersion;
}
