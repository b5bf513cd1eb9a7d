using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Registrations;

/// <summary>Reads one registration by its private token, for the self-service page and the personal-data download.</summary>
public sealed class SelfServiceReader(PortalDbContext db)
{
    /// <summary>The registration with its activity (and host country), for the personal calendar download.</summary>
    public Task<Registration?> ReadWithActivityAsync(string token, CancellationToken cancellationToken) =>
        db.Registrations.AsNoTracking().Include(r => r.Activity).ThenInclude(a => a!.HostCountry)
            .SingleOrDefaultAsync(r => r.AccessToken == token && r.AnonymisedAtUtc == null, cancellationToken);

    public Task<SelfServiceRow?> ReadAsync(string token, CancellationToken cancellationToken) =>
        db.Registrations.AsNoTracking()
            .Where(r => r.AccessToken == token && r.AnonymisedAtUtc == null)
            .Select(r => new SelfServiceRow
            {
                Id = r.Id,
                ActivitySlug = r.Activity!.Slug,
                ActivityTitleEn = r.Activity.TitleEn,
                ActivityStartsAtUtc = r.Activity.StartsAtUtc,
                FullName = r.FullName,
                Email = r.Email,
                OrganisationName = r.OrganisationName,
                Position = r.Position,
                CountryCode = r.Country == null ? null : r.Country.Code,
                Gender = r.Gender,
                Language = r.Language,
                Status = r.Status,
                Attended = r.Attended,
                ConsentGivenAtUtc = r.ConsentGivenAtUtc,
                ConsentTextVersion = r.ConsentTextVersion,
                CreatedAt = r.CreatedAt,
                CancelledAtUtc = r.CancelledAtUtc,
            })
            .SingleOrDefaultAsync(cancellationToken);
}

/// <summary>Everything stored about one registrant; also the content of their data download.</summary>
public sealed class SelfServiceRow
{
    public int Id { get; init; }
    public string ActivitySlug { get; init; } = "";
    public string ActivityTitleEn { get; init; } = "";
    public DateTime ActivityStartsAtUtc { get; init; }
    public string FullName { get; init; } = "";
    public string Email { get; init; } = "";
    public string? OrganisationName { get; init; }
    public string? Position { get; init; }
    public string? CountryCode { get; init; }
    public Gender? Gender { get; init; }
    public string Language { get; init; } = "";
    public RegistrationStatus Status { get; init; }
    public bool? Attended { get; init; }
    public DateTime ConsentGivenAtUtc { get; init; }
    public string ConsentTextVersion { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime? CancelledAtUtc { get; init; }
}
