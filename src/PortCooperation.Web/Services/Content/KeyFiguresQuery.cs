using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Home;

namespace PortCooperation.Web.Services.Content;

/// <summary>
/// The home page's key figures in ONE SQL command: every figure is a scalar subquery hung off a single row of
/// the countries table (EF Core has no FROM-less SELECT). With no countries there is nothing to show anyway.
/// </summary>
public static class KeyFiguresQuery
{
    public static async Task<KeyFiguresModel> ReadAsync(PortalDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var awards = db.ScholarshipAwards;
        // Published ones only, as the statistics and country pages count them.
        var heldWebinars = db.Activities.Held(nowUtc).Where(a => a.Kind == ActivityKind.Webinar);
        var publicDocuments = db.Documents.Public(nowUtc);

        var figures = await db.Countries.AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(_ => new KeyFiguresModel
            {
                MemberStates = db.Countries.Count(c => c.IsMemberState),
                PortSystems = db.PortSystems.Count(p => p.Memberships.Any()),
                PortSystemCountries = db.PortSystems.Where(p => p.Memberships.Any()).Select(p => p.CountryId).Distinct().Count(),
                DocumentsPublished = publicDocuments.Count(),
                ScholarshipYear = awards.Max(s => (int?)s.AwardedOn.Year),
                Scholarships = awards.Count(s => s.AwardedOn.Year == awards.Max(x => (int?)x.AwardedOn.Year)),
                ScholarshipsUsd = awards
                    .Where(s => s.AwardedOn.Year == awards.Max(x => (int?)x.AwardedOn.Year))
                    .Sum(s => s.AmountUsd),
                WebinarYear = heldWebinars.Max(a => (int?)a.StartsAtUtc.Year),
                Webinars = heldWebinars.Count(a => a.StartsAtUtc.Year == heldWebinars.Max(x => (int?)x.StartsAtUtc.Year)),
                // A historical webinar carries its entered total; one run in the portal counts who attended.
                WebinarParticipants = heldWebinars
                    .Where(a => a.StartsAtUtc.Year == heldWebinars.Max(x => (int?)x.StartsAtUtc.Year))
                    .Sum(a => (a.Registrations.Any() ? a.Registrations.Count(r => r.Attended == true) : a.ReportedParticipants ?? 0)),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return figures ?? new KeyFiguresModel();
    }
}
