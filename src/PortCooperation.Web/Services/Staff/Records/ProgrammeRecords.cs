using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Staff.Records;

public sealed class ProgrammeFilter : RecordFilterBase
{
    [FromQuery(Name = "lead")]
    public int? Lead { get; set; }
}

public sealed record ProgrammeRow(int Id, string NameEn, string? NameEs, string? LeadEn, string? LeadEs, int Phases, int PortSystems, DateTime UpdatedAt);

/// <summary>
/// /Admin/Programmes: a programme and its phases, edited on one form. A phase that port systems joined in cannot be
/// removed, nor a programme that has members; the message names them.
/// </summary>
public sealed class ProgrammeRecords(PortalDbContext db, IStringLocalizer<SharedResource> text)
    : RecordEditor<Programme, ProgrammeInput>(db, text), IStaffRecords<ProgrammeInput, ProgrammeFilter, ProgrammeRow>
{
    private const int NamesShown = 5;

    public (string Name, string[] Header, Func<ProgrammeRow, object?[]> Cells) Export =>
        ("programmes", ["Id", "NameEn", "NameEs", "LeadOrganisation", "Phases", "PortSystems", "UpdatedAtUtc"],
            r => [r.Id, r.NameEn, r.NameEs, r.LeadEn, r.Phases, r.PortSystems, r.UpdatedAt]);

    protected override IQueryable<Programme> ForEdit => Db.Programmes.Include(p => p.Phases);

    public Task<Paged<ProgrammeRow>> ListAsync(ProgrammeFilter filter, CancellationToken cancellationToken) =>
        Query(filter).ToPagedAsync(filter.Page, cancellationToken);

    public Task<List<ProgrammeRow>> ListAllAsync(ProgrammeFilter filter, CancellationToken cancellationToken) => Query(filter).ToListAsync(cancellationToken);

    public async Task<RecordChoices> FilterChoicesAsync(CancellationToken cancellationToken) => new()
    {
        ["LeadOrganisationId"] = await OrganisationChoicesAsync(cancellationToken),
    };

    public Task<RecordChoices> FormChoicesAsync(int? id, CancellationToken cancellationToken) => FilterChoicesAsync(cancellationToken);

    public async Task<RecordDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var p = await Db.Programmes.AsNoTracking().Where(p => p.Id == id).Select(p => new
        {
            p.NameEn, p.NameEs, p.Slug, p.DescriptionEn, p.DescriptionEs, p.Version, p.UpdatedAt,
            Lead = p.LeadOrganisation != null ? p.LeadOrganisation.NameEn : null,
            Phases = p.Phases.OrderBy(f => f.Sequence).Select(f => new { f.Sequence, f.Label, f.StartYear, f.EndYear, f.DescriptionEn, f.DescriptionEs }).ToList(),
            Members = p.Memberships.OrderBy(m => m.Phase!.Sequence).ThenBy(m => m.PortSystem!.Name)
                .Select(m => new { m.PortSystem!.Name, m.PortSystem.Country!.Code, m.Phase!.Label }).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
        if (p is null)
        {
            return null;
        }

        return new RecordDetail(English ? p.NameEn : p.NameEs ?? p.NameEn, p.Version,
            [
                (Label("StaffRec_Programme_NameEn"), p.NameEn),
                (Label("StaffRec_Programme_NameEs"), p.NameEs ?? ""),
                (Label("StaffRec_Programme_LeadOrganisationId"), p.Lead ?? ""),
                (Label("StaffRec_Programme_Slug"), p.Slug),
                (Label("StaffRec_Programme_DescriptionEn"), p.DescriptionEn ?? ""),
                (Label("StaffRec_Programme_DescriptionEs"), p.DescriptionEs ?? ""),
                (Label("Admin_Updated"), p.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"),
            ],
            [
                new RelatedList(Label("StaffRec_Programme_Phases"), [.. p.Phases.Select(f =>
                    new PhaseInput { Sequence = f.Sequence, Label = f.Label, StartYear = f.StartYear, EndYear = f.EndYear }.ToString()
                    + (f.DescriptionEn is null && f.DescriptionEs is null ? "" : " · EN: " + (f.DescriptionEn ?? "–") + " · ES: " + (f.DescriptionEs ?? "–")))]),
                new RelatedList(Label("StaffRec_Programme_Members"), [.. p.Members.Select(m => $"{m.Label} · {m.Name} ({m.Code})")]),
            ],
            await DeleteBlockerAsync(id, cancellationToken));
    }

    public override async Task<string?> DeleteBlockerAsync(int id, CancellationToken cancellationToken)
    {
        var members = Db.ProgrammeMemberships.Where(m => m.ProgrammeId == id);
        var count = await members.CountAsync(cancellationToken);
        return count == 0 ? null : BlockerNamed((count, "StaffEnt_Uses_PortSystems",
            await members.OrderBy(m => m.PortSystem!.Name).Take(NamesShown).Select(m => m.PortSystem!.Name).ToListAsync(cancellationToken)));
    }

    protected override ProgrammeInput ToInput(Programme entity) => new()
    {
        Version = entity.Version,
        NameEn = entity.NameEn,
        NameEs = entity.NameEs,
        DescriptionEn = entity.DescriptionEn,
        DescriptionEs = entity.DescriptionEs,
        LeadOrganisationId = entity.LeadOrganisationId,
        Slug = entity.Slug,
        Phases = [.. entity.Phases.OrderBy(f => f.Sequence).Select(f => new PhaseInput
        {
            Id = f.Id, Sequence = f.Sequence, Label = f.Label, StartYear = f.StartYear, EndYear = f.EndYear, DescriptionEn = f.DescriptionEn, DescriptionEs = f.DescriptionEs,
        })],
    };

    protected override void Apply(ProgrammeInput input, Programme entity)
    {
        entity.NameEn = input.NameEn!.Trim();
        entity.NameEs = Clean(input.NameEs);
        entity.DescriptionEn = Clean(input.DescriptionEn);
        entity.DescriptionEs = Clean(input.DescriptionEs);
        entity.LeadOrganisationId = input.LeadOrganisationId;
        entity.Slug = input.Slug!;
        foreach (var row in input.Phases.Where(r => !r.IsBlank))
        {
            var phase = row.Id is { } phaseId ? entity.Phases.Single(f => f.Id == phaseId) : null;
            if (row.Remove)
            {
                if (phase is not null)
                {
                    entity.Phases.Remove(phase);
                }

                continue;
            }

            if (phase is null)
            {
                phase = new ProgrammePhase();
                entity.Phases.Add(phase);
            }

            phase.Sequence = row.Sequence!.Value;
            phase.Label = row.Label!.Trim();
            phase.StartYear = row.StartYear;
            phase.EndYear = row.EndYear;
            phase.DescriptionEn = Clean(row.DescriptionEn);
            phase.DescriptionEs = Clean(row.DescriptionEs);
        }

        if (entity.Id != 0)
        {
            // A change to the phases alone still moves the programme's version, so a colleague's stale form is refused.
            Db.Entry(entity).Property(e => e.UpdatedAt).IsModified = true;
        }
    }

    /// <summary>
    /// The (programme, order) index is unique and checked row by row, so phases whose order changes (two swapped, or a
    /// new phase taking a removed one's number) first move to temporary negative numbers, in the same transaction.
    /// </summary>
    protected override async Task SaveChangesAsync(Programme entity, CancellationToken cancellationToken)
    {
        Db.ChangeTracker.DetectChanges();
        var moved = entity.Phases.Where(f => Db.Entry(f).State == EntityState.Added
            || (Db.Entry(f).State == EntityState.Modified && Db.Entry(f).Property(x => x.Sequence).IsModified)).ToList();
        if (moved.Count == 0 || Db.Database.CurrentTransaction is not null)
        {
            await Db.SaveChangesAsync(cancellationToken);
            return;
        }

        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var final = moved.Select(f => (Phase: f, f.Sequence)).ToList();
        for (var i = 0; i < moved.Count; i++)
        {
            moved[i].Sequence = -1 - i;
        }

        await Db.SaveChangesAsync(cancellationToken);
        foreach (var (phase, sequence) in final)
        {
            phase.Sequence = sequence;
        }

        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    protected override async Task ValidateAsync(int? id, ProgrammeInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        if (input.LeadOrganisationId is { } lead && !await Db.Organisations.AnyAsync(o => o.Id == lead, cancellationToken))
        {
            errors.Add(nameof(input.LeadOrganisationId), Label("Admin_Validation_Invalid"));
        }

        var saved = id is null ? [] : await Db.ProgrammePhases.AsNoTracking().Where(f => f.ProgrammeId == id)
            .Select(f => new { f.Id, Members = Db.ProgrammeMemberships.Where(m => m.PhaseId == f.Id).OrderBy(m => m.PortSystem!.Name).Select(m => m.PortSystem!.Name).ToList() })
            .ToListAsync(cancellationToken);
        var sequences = new HashSet<int>();
        for (var i = 0; i < input.Phases.Count; i++)
        {
            var row = input.Phases[i];
            var key = $"{nameof(input.Phases)}[{i}].";
            if (row.IsBlank)
            {
                continue;
            }

            var phase = row.Id is { } phaseId ? saved.SingleOrDefault(f => f.Id == phaseId) : null;
            if (row.Id is not null && phase is null)
            {
                errors.Add(key + nameof(row.Label), Label("Admin_Validation_Invalid"));
                continue;
            }

            if (row.Remove)
            {
                if (phase?.Members is { Count: > 0 } members)
                {
                    errors.Add(key + nameof(row.Remove), string.Format(CultureInfo.CurrentCulture, Label("StaffRec_Validation_PhaseInUse"),
                        string.Join(", ", members.Take(NamesShown)) + (members.Count > NamesShown ? ", …" : "")));
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(row.Label))
            {
                errors.Add(key + nameof(row.Label), string.Format(CultureInfo.CurrentCulture, Label("Admin_Validation_Required"), Label("StaffRec_Phase_Label")));
            }

            if (row.Sequence is null)
            {
                errors.Add(key + nameof(row.Sequence), string.Format(CultureInfo.CurrentCulture, Label("Admin_Validation_Required"), Label("StaffRec_Phase_Sequence")));
            }
            else if (!sequences.Add(row.Sequence.Value))
            {
                errors.Add(key + nameof(row.Sequence), Label("StaffRec_Validation_PhaseOrderTwice"));
            }

            if (row is { StartYear: { } start, EndYear: { } end } && end < start)
            {
                errors.Add(key + nameof(row.EndYear), Label("StaffRec_Validation_EndYearBeforeStart"));
            }
        }

        input.Slug = await SlugAsync(input.Slug, input.NameEn, "programme", nameof(input.Slug), errors,
            slug => Db.Programmes.Where(p => p.Id != id && (p.Slug == slug || p.Slug.StartsWith(slug + "-"))).Select(p => p.Slug), cancellationToken);
    }

    private IQueryable<ProgrammeRow> Query(ProgrammeFilter filter)
    {
        var query = Db.Programmes.AsNoTracking();
        if (Pattern(filter.Q) is { } pattern)
        {
            query = query.Where(p => EF.Functions.Like(p.NameEn.ToLower(), pattern) || (p.NameEs != null && EF.Functions.Like(p.NameEs.ToLower(), pattern))
                || p.Phases.Any(f => EF.Functions.Like(f.Label.ToLower(), pattern)));
        }

        if (filter.Lead is { } lead)
        {
            query = query.Where(p => p.LeadOrganisationId == lead);
        }

        query = filter.Sort switch
        {
            "phases" => query.OrderBy(p => p.Phases.Count).ThenBy(p => p.NameEn),
            "-phases" => query.OrderByDescending(p => p.Phases.Count).ThenBy(p => p.NameEn),
            "members" => query.OrderBy(p => p.Memberships.Count).ThenBy(p => p.NameEn),
            "-members" => query.OrderByDescending(p => p.Memberships.Count).ThenBy(p => p.NameEn),
            "updated" => query.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
            "-updated" => query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
            "-name" => query.OrderByDescending(p => p.NameEn).ThenBy(p => p.Id),
            _ => query.OrderBy(p => p.NameEn).ThenBy(p => p.Id),
        };
        return query.Select(p => new ProgrammeRow(p.Id, p.NameEn, p.NameEs,
            p.LeadOrganisation != null ? p.LeadOrganisation.NameEn : null, p.LeadOrganisation != null ? p.LeadOrganisation.NameEs : null,
            p.Phases.Count, p.Memberships.Count, p.UpdatedAt));
    }
}
