using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Models.Places;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Places;

/// <summary>
/// Reads the port network in two SQL commands: the programmes with their phases, then every membership as one flat
/// row (port system, its country, the phase it joined in), grouped in memory by programme, phase and country.
/// </summary>
public sealed class PortNetworkReader(PortalDbContext db)
{
    public async Task<PortNetworkModel> ReadAsync(CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var programmes = await db.Programmes.AsNoTracking()
            .OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.NameEn,
                p.NameEs,
                p.DescriptionEn,
                p.DescriptionEs,
                LeadEn = p.LeadOrganisation == null ? null : p.LeadOrganisation.NameEn,
                LeadEs = p.LeadOrganisation == null ? null : p.LeadOrganisation.NameEs,
                LeadSlug = p.LeadOrganisation == null ? null : p.LeadOrganisation.Slug,
                Phases = p.Phases.OrderBy(f => f.Sequence).ThenBy(f => f.Id)
                    .Select(f => new { f.Id, f.Sequence, f.Label, f.StartYear, f.EndYear, f.DescriptionEn, f.DescriptionEs })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        var memberships = await db.ProgrammeMemberships.AsNoTracking()
            .Select(m => new
            {
                m.ProgrammeId,
                m.PhaseId,
                m.PortSystem!.Name,
                m.PortSystem.UnLocode,
                m.PortSystem.Country!.Code,
                CountryEn = m.PortSystem.Country.NameEn,
                CountryEs = m.PortSystem.Country.NameEs,
            })
            .ToListAsync(cancellationToken);

        var comparer = StringComparer.Create(culture, CompareOptions.IgnoreCase);
        return new PortNetworkModel
        {
            Programmes = [.. programmes.Select(p =>
            {
                var own = memberships.Where(m => m.ProgrammeId == p.Id).ToList();
                var phases = p.Phases.Select(f => new PhaseModel
                {
                    Sequence = f.Sequence,
                    Label = f.Label,
                    StartYear = f.StartYear,
                    EndYear = f.EndYear,
                    Description = LocalizedText.Pick(f.DescriptionEn, f.DescriptionEs, culture),
                    Countries = [.. own.Where(m => m.PhaseId == f.Id)
                        .GroupBy(m => m.Code)
                        .Select(g => new NetworkCountryModel(
                            MemberStatesReader.SlugOf(g.Key),
                            g.Key,
                            LocalizedText.Pick(g.First().CountryEn, g.First().CountryEs, culture),
                            [.. g.OrderBy(m => m.Name, comparer).Select(m => new NetworkPortModel(m.Name, m.UnLocode))]))
                        .OrderBy(c => c.Name.Text, comparer)],
                }).ToList();
                var phaseIds = p.Phases.Select(f => f.Id).ToList();
                return new ProgrammeModel
                {
                    Slug = p.Slug,
                    Name = LocalizedText.Pick(p.NameEn, p.NameEs, culture),
                    Description = LocalizedText.Pick(p.DescriptionEn, p.DescriptionEs, culture),
                    LeadOrganisation = LocalizedText.Pick(p.LeadEn, p.LeadEs, culture) is { IsEmpty: false } lead ? lead.Text : null,
                    LeadOrganisationSlug = p.LeadSlug,
                    Phases = phases,
                    ByCountry = [.. own.GroupBy(m => m.Code)
                        .Select(g => new NetworkCountryRowModel(
                            MemberStatesReader.SlugOf(g.Key),
                            g.Key,
                            LocalizedText.Pick(g.First().CountryEn, g.First().CountryEs, culture),
                            [.. phaseIds.Select(id => g.Count(m => m.PhaseId == id))]))
                        .OrderByDescending(c => c.Total).ThenBy(c => c.Name.Text, comparer)],
                };
            })],
        };
    }
}
