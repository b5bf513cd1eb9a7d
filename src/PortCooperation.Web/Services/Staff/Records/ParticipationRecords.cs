using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Staff.Records;

public sealed class ParticipationFilter : RecordFilterBase
{
    public ActivityKind? Kind { get; set; }

    public int? Year { get; set; }

    /// <summary>"yes": totals entered; "no": neither total entered.</summary>
    public string? Entered { get; set; }
}

public sealed record ParticipationRow(
    int Id, string TitleEn, string? TitleEs, ActivityKind Kind, DateTime StartsAtUtc, int? ReportedParticipants, int? ReportedMemberStates, int Countries, int Registrations, DateTime UpdatedAt);

/// <summary>
/// /Admin/Participation: the participation entered for historical activities (held before the portal took
/// registrations): total participants, member states, and the countries that took part with their head counts.
/// Only these fields of the activity are edited here; activities are created and deleted on /Admin/Activities.
/// </summary>
public sealed class ParticipationRecords(PortalDbContext db, IStringLocalizer<SharedResource> text)
    : RecordEditor<Activity, ParticipationInput>(db, text), IStaffRecords<ParticipationInput, ParticipationFilter, ParticipationRow>
{
    public (string Name, string[] Header, Func<ParticipationRow, object?[]> Cells) Export =>
        ("participation", ["Id", "StartsAtUtc", "Kind", "TitleEn", "ReportedParticipants", "ReportedMemberStates", "Countries", "Registrations"],
            r => [r.Id, r.StartsAtUtc, r.Kind, r.TitleEn, r.ReportedParticipants, r.ReportedMemberStates, r.Countries, r.Registrations]);

    protected override IQueryable<Activity> ForEdit => Db.Activities.Include(a => a.ParticipatingCountries);

    public Task<Paged<ParticipationRow>> ListAsync(ParticipationFilter filter, CancellationToken cancellationToken) =>
        Query(filter).ToPagedAsync(filter.Page, cancellationToken);

    public Task<List<ParticipationRow>> ListAllAsync(ParticipationFilter filter, CancellationToken cancellationToken) => Query(filter).ToListAsync(cancellationToken);

    public Task<RecordChoices> FilterChoicesAsync(CancellationToken cancellationToken) => Task.FromResult(new RecordChoices
    {
        ["Kind"] = EnumChoices<ActivityKind>("ActivityKind_"),
        ["Entered"] = [new(Label("StaffEnt_Yes"), "yes"), new(Label("StaffEnt_No"), "no")],
    });

    public async Task<RecordChoices> FormChoicesAsync(int? id, CancellationToken cancellationToken) => new()
    {
        ["CountryId"] = await CountryChoicesAsync(cancellationToken),
    };

    public async Task<RecordDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var a = await Db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => new
        {
            a.TitleEn, a.TitleEs, a.Kind, a.StartsAtUtc, a.ReportedParticipants, a.ReportedMemberStates, a.Version, a.UpdatedAt,
            Registrations = a.Registrations.Count,
            Countries = a.ParticipatingCountries.OrderBy(c => c.Country!.NameEn).Select(c => new { c.Country!.NameEn, c.Country.NameEs, c.Participants }).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return null;
        }

        string Count(int? value) => value?.ToString("N0", CultureInfo.CurrentCulture) ?? "";
        return new RecordDetail(English ? a.TitleEn : a.TitleEs ?? a.TitleEn, a.Version,
            [
                (Label("StaffRec_Participation_Activity"), $"{a.StartsAtUtc:yyyy-MM-dd} · {Label("ActivityKind_" + a.Kind)}"),
                (Label("StaffRec_Participation_ReportedParticipants"), Count(a.ReportedParticipants)),
                (Label("StaffRec_Participation_ReportedMemberStates"), Count(a.ReportedMemberStates)),
                (Label("StaffRec_Participation_Registrations"), Count(a.Registrations)),
                (Label("Admin_Updated"), a.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"),
            ],
            [new RelatedList(Label("StaffRec_Participation_Countries"), [.. a.Countries.Select(c => (English ? c.NameEn : c.NameEs) + (c.Participants is { } n ? $" · {Count(n)}" : ""))])],
            Label("StaffRec_Participation_NotDeletedHere"));
    }

    /// <summary>Participation is cleared by editing it; this screen never deletes the activity.</summary>
    public override Task<string?> DeleteBlockerAsync(int id, CancellationToken cancellationToken) => Task.FromResult<string?>(Label("StaffRec_Participation_NotDeletedHere"));

    protected override ParticipationInput ToInput(Activity entity) => new()
    {
        Version = entity.Version,
        ReportedParticipants = entity.ReportedParticipants,
        ReportedMemberStates = entity.ReportedMemberStates,
        Countries = [.. entity.ParticipatingCountries.OrderBy(c => c.CountryId).Select(c => new ParticipationCountryInput { CountryId = c.CountryId, Participants = c.Participants })],
    };

    protected override void Apply(ParticipationInput input, Activity entity)
    {
        entity.ReportedParticipants = input.ReportedParticipants;
        entity.ReportedMemberStates = input.ReportedMemberStates;
        SyncChildren(entity.ParticipatingCountries, input.Countries.Where(r => r.CountryId is not null).ToDictionary(r => r.CountryId!.Value, r => r.Participants),
            c => c.CountryId, (c, participants) => c.Participants = participants, (id, participants) => new ActivityCountry { CountryId = id, Participants = participants });

        // A change of the countries alone still moves the activity's version (R6), and the public pages are evicted.
        Db.Entry(entity).Property(e => e.UpdatedAt).IsModified = true;
    }

    protected override async Task ValidateAsync(int? id, ParticipationInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var chosen = input.Countries.Where(r => r.CountryId is not null).Select(r => r.CountryId!.Value).Distinct().ToList();
        var known = await Db.Countries.Where(c => chosen.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        var seen = new HashSet<int>();
        for (var i = 0; i < input.Countries.Count; i++)
        {
            if (input.Countries[i].CountryId is not { } countryId)
            {
                continue;
            }

            var key = $"{nameof(input.Countries)}[{i}].{nameof(ParticipationCountryInput.CountryId)}";
            if (!known.Contains(countryId))
            {
                modelState.AddModelError(key, Label("Admin_Validation_Invalid"));
            }
            else if (!seen.Add(countryId))
            {
                modelState.AddModelError(key, Label("StaffRec_Validation_CountryTwice"));
            }
        }
    }

    protected override async Task DescribeConflictsAsync(Dictionary<string, string> conflicts, ParticipationInput saved, CancellationToken cancellationToken)
    {
        if (conflicts.ContainsKey(nameof(saved.Countries)))
        {
            var ids = saved.Countries.Select(c => c.CountryId).ToList();
            var names = await Db.Countries.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => English ? c.NameEn : c.NameEs, cancellationToken);
            conflicts[nameof(saved.Countries)] = string.Join("; ", saved.Countries.Select(c => names.GetValueOrDefault(c.CountryId ?? 0, "?") + (c.Participants is { } n ? $" {n}" : "")).Order(StringComparer.CurrentCulture));
        }
    }

    private IQueryable<ParticipationRow> Query(ParticipationFilter filter)
    {
        var query = Db.Activities.AsNoTracking();
        if (Pattern(filter.Q) is { } pattern)
        {
            query = query.Where(a => EF.Functions.Like(a.TitleEn.ToLower(), pattern) || (a.TitleEs != null && EF.Functions.Like(a.TitleEs.ToLower(), pattern)));
        }

        if (filter.Kind is { } kind && Enum.IsDefined(kind))
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (filter.Year is >= 1900 and <= 2200)
        {
            var from = new DateTime(filter.Year.Value, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var to = from.AddYears(1);
            query = query.Where(a => a.StartsAtUtc >= from && a.StartsAtUtc < to);
        }

        query = filter.Entered switch
        {
            "yes" => query.Where(a => a.ReportedParticipants != null || a.ReportedMemberStates != null || a.ParticipatingCountries.Any()),
            "no" => query.Where(a => a.ReportedParticipants == null && a.ReportedMemberStates == null && !a.ParticipatingCountries.Any()),
            _ => query,
        };

        query = filter.Sort switch
        {
            "date" => query.OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id),
            "title" => query.OrderBy(a => a.TitleEn).ThenBy(a => a.Id),
            "-title" => query.OrderByDescending(a => a.TitleEn).ThenBy(a => a.Id),
            "participants" => query.OrderBy(a => a.ReportedParticipants).ThenBy(a => a.Id),
            "-participants" => query.OrderByDescending(a => a.ReportedParticipants).ThenBy(a => a.Id),
            "updated" => query.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id),
            "-updated" => query.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id),
            _ => query.OrderByDescending(a => a.StartsAtUtc).ThenBy(a => a.Id),
        };
        return query.Select(a => new ParticipationRow(a.Id, a.TitleEn, a.TitleEs, a.Kind, a.StartsAtUtc, a.ReportedParticipants, a.ReportedMemberStates,
            a.ParticipatingCountries.Count, a.Registrations.Count, a.UpdatedAt));
    }
}
