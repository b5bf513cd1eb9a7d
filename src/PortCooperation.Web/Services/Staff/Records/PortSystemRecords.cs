using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Staff.Records;

public sealed class PortSystemFilter : RecordFilterBase
{
    [FromQuery(Name = "country")]
    public int? Country { get; set; }

    [FromQuery(Name = "programme")]
    public int? Programme { get; set; }
}

public sealed record PortSystemRow(int Id, string Name, string? UnLocode, string CountryCode, string CountryEn, string CountryEs, int Programmes, DateTime UpdatedAt);

/// <summary>
/// /Admin/PortSystems: a port system, its country, and the programme phases it joined in (its memberships, edited on
/// the same form and deleted with it).
/// </summary>
public sealed class PortSystemRecords(PortalDbContext db, IStringLocalizer<SharedResource> text)
    : RecordEditor<PortSystem, PortSystemInput>(db, text), IStaffRecords<PortSystemInput, PortSystemFilter, PortSystemRow>
{
    public (string Name, string[] Header, Func<PortSystemRow, object?[]> Cells) Export =>
        ("port-systems", ["Id", "Name", "UnLocode", "Country", "Programmes", "UpdatedAtUtc"],
            r => [r.Id, r.Name, r.UnLocode, r.CountryCode, r.Programmes, r.UpdatedAt]);

    protected override IQueryable<PortSystem> ForEdit => Db.PortSystems.Include(p => p.Memberships);

    public Task<Paged<PortSystemRow>> ListAsync(PortSystemFilter filter, CancellationToken cancellationToken) =>
        Query(filter).ToPagedAsync(filter.Page, cancellationToken);

    public Task<List<PortSystemRow>> ListAllAsync(PortSystemFilter filter, CancellationToken cancellationToken) => Query(filter).ToListAsync(cancellationToken);

    public async Task<RecordChoices> FilterChoicesAsync(CancellationToken cancellationToken) => new()
    {
        ["CountryId"] = await CountryChoicesAsync(cancellationToken),
        ["ProgrammeId"] = await Db.Programmes.AsNoTracking().OrderBy(p => p.NameEn)
            .Select(p => new SelectListItem(English ? p.NameEn : p.NameEs ?? p.NameEn, p.Id.ToString())).ToListAsync(cancellationToken),
    };

    public async Task<RecordChoices> FormChoicesAsync(int? id, CancellationToken cancellationToken) => new()
    {
        ["CountryId"] = await CountryChoicesAsync(cancellationToken),
        ["PhaseIds"] = [.. (await PhasesAsync(cancellationToken)).Select(f => new SelectListItem(f.Text, f.Id.ToString(CultureInfo.InvariantCulture)))],
    };

    public async Task<RecordDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var p = await Db.PortSystems.AsNoTracking().Where(p => p.Id == id).Select(p => new
        {
            p.Name, p.UnLocode, p.Slug, p.Version, p.UpdatedAt, p.Country!.Code, CountryEn = p.Country.NameEn, CountryEs = p.Country.NameEs,
            Memberships = p.Memberships.OrderBy(m => m.Programme!.NameEn)
                .Select(m => new { m.Programme!.NameEn, m.Programme.NameEs, m.Phase!.Label, m.Phase.StartYear, m.Phase.EndYear }).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
        if (p is null)
        {
            return null;
        }

        return new RecordDetail(p.Name, p.Version,
            [
                (Label("StaffRec_PortSystem_Name"), p.Name),
                (Label("StaffRec_PortSystem_CountryId"), $"{(English ? p.CountryEn : p.CountryEs)} ({p.Code})"),
                (Label("StaffRec_PortSystem_UnLocode"), p.UnLocode ?? ""),
                (Label("StaffRec_PortSystem_Slug"), p.Slug),
                (Label("Admin_Updated"), p.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"),
            ],
            [new RelatedList(Label("StaffRec_PortSystem_PhaseIds"), [.. p.Memberships.Select(m =>
                $"{(English ? m.NameEn : m.NameEs ?? m.NameEn)} · {new PhaseInput { Label = m.Label, StartYear = m.StartYear, EndYear = m.EndYear }.ToString().Trim()}")])],
            null);
    }

    /// <summary>Its memberships are part of the port system and go with it; nothing else refers to one.</summary>
    public override Task<string?> DeleteBlockerAsync(int id, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    protected override PortSystemInput ToInput(PortSystem entity) => new()
    {
        Version = entity.Version,
        Name = entity.Name,
        CountryId = entity.CountryId,
        UnLocode = entity.UnLocode,
        Slug = entity.Slug,
        PhaseIds = [.. entity.Memberships.Select(m => m.PhaseId).Order()],
    };

    protected override void Apply(PortSystemInput input, PortSystem entity)
    {
        entity.Name = input.Name!.Trim();
        entity.CountryId = input.CountryId!.Value;
        entity.UnLocode = Clean(input.UnLocode)?.ToUpperInvariant();
        entity.Slug = input.Slug!;
        SyncChildren(entity.Memberships, Db.ProgrammePhases.Local.Where(f => input.PhaseIds.Contains(f.Id)).ToDictionary(f => f.ProgrammeId, f => f.Id),
            m => m.ProgrammeId, (m, phaseId) => m.PhaseId = phaseId, (programmeId, phaseId) => new ProgrammeMembership { ProgrammeId = programmeId, PhaseId = phaseId });

        if (entity.Id != 0)
        {
            // A change of memberships alone still moves the port system's version (R6).
            Db.Entry(entity).Property(e => e.UpdatedAt).IsModified = true;
        }
    }

    protected override async Task ValidateAsync(int? id, PortSystemInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        if (input.CountryId is { } countryId && !await Db.Countries.AnyAsync(c => c.Id == countryId, cancellationToken))
        {
            errors.Add(nameof(input.CountryId), Label("Admin_Validation_Invalid"));
        }

        // Loaded tracked: Apply reads each chosen phase's programme from them.
        var phases = await Db.ProgrammePhases.Where(f => input.PhaseIds.Contains(f.Id)).ToListAsync(cancellationToken);
        if (phases.Count != input.PhaseIds.Distinct().Count())
        {
            errors.Add(nameof(input.PhaseIds), Label("Admin_Validation_Invalid"));
        }
        else if (phases.GroupBy(f => f.ProgrammeId).Any(g => g.Count() > 1))
        {
            errors.Add(nameof(input.PhaseIds), Label("StaffRec_Validation_OnePhasePerProgramme"));
        }

        input.Slug = await SlugAsync(input.Slug, input.Name, "port", nameof(input.Slug), errors,
            slug => Db.PortSystems.Where(p => p.Id != id && (p.Slug == slug || p.Slug.StartsWith(slug + "-"))).Select(p => p.Slug), cancellationToken);
    }

    protected override async Task DescribeConflictsAsync(Dictionary<string, string> conflicts, PortSystemInput before, PortSystemInput saved, CancellationToken cancellationToken)
    {
        if (conflicts.ContainsKey(nameof(saved.PhaseIds)))
        {
            var names = (await PhasesAsync(cancellationToken)).Where(f => saved.PhaseIds.Contains(f.Id)).Select(f => f.Text);
            conflicts[nameof(saved.PhaseIds)] = string.Join("; ", names);
        }
    }

    /// <summary>Every phase of every programme as "Programme · phase (years)", in programme then phase order.</summary>
    private async Task<List<(int Id, string Text)>> PhasesAsync(CancellationToken cancellationToken)
    {
        var english = English;
        var phases = await Db.ProgrammePhases.AsNoTracking().OrderBy(f => f.Programme!.NameEn).ThenBy(f => f.Sequence)
            .Select(f => new { f.Id, Programme = english ? f.Programme!.NameEn : f.Programme!.NameEs ?? f.Programme.NameEn, f.Label, f.StartYear, f.EndYear })
            .ToListAsync(cancellationToken);
        return [.. phases.Select(f => (f.Id, $"{f.Programme} · {new PhaseInput { Label = f.Label, StartYear = f.StartYear, EndYear = f.EndYear }.ToString().Trim()}"))];
    }

    private IQueryable<PortSystemRow> Query(PortSystemFilter filter)
    {
        var query = Db.PortSystems.AsNoTracking();
        if (Pattern(filter.Q) is { } pattern)
        {
            query = query.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern) || (p.UnLocode != null && EF.Functions.Like(p.UnLocode.ToLower(), pattern))
                || EF.Functions.Like(p.Slug, pattern));
        }

        if (filter.Country is { } country)
        {
            query = query.Where(p => p.CountryId == country);
        }

        if (filter.Programme is { } programme)
        {
            query = query.Where(p => p.Memberships.Any(m => m.ProgrammeId == programme));
        }

        query = filter.Sort switch
        {
            "country" => query.OrderBy(p => p.Country!.NameEn).ThenBy(p => p.Name),
            "-country" => query.OrderByDescending(p => p.Country!.NameEn).ThenBy(p => p.Name),
            "programmes" => query.OrderBy(p => p.Memberships.Count).ThenBy(p => p.Name),
            "-programmes" => query.OrderByDescending(p => p.Memberships.Count).ThenBy(p => p.Name),
            "updated" => query.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
            "-updated" => query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
            "-name" => query.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
            _ => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
        };
        return query.Select(p => new PortSystemRow(p.Id, p.Name, p.UnLocode, p.Country!.Code, p.Country.NameEn, p.Country.NameEs, p.Memberships.Count, p.UpdatedAt));
    }
}
