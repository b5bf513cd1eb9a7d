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

public sealed class ParticipationFilter : RecordFilterBase
{
    [FromQuery(Name = "kind")]
    public ActivityKind? Kind { get; set; }

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    /// <summary>"yes": totals entered; "no": neither total entered.</summary>
    [FromQuery(Name = "entered")]
    public string? Entered { get; set; }
}

public sealed record ParticipationRow(
    int Id, string TitleEn, string? TitleEs, ActivityKind Kind, DateTime StartsAtUtc, int? ReportedParticipants, int? ReportedMemberStates, int Countries, int Registrations, DateTime UpdatedAt, string Slug);

/// <summary>
/// /Admin/Participation: the participation entered for historical activities (held before the portal took
/// registrations): total participants, member states, and the countries that took part with their head counts.
/// Only these fields of the activity are edited here; activities are created and deleted on /Admin/Activities.
/// </summary>
public sealed class ParticipationRecords(PortalDbContext db, IStringLocalizer<SharedResource> text)
    : RecordEditor<Activity, ParticipationInput>(db, text), IStaffRecords<ParticipationInput, ParticipationFilter, ParticipationRow>
{
    public (string Name, string[] Header, Func<ParticipationRow, object?[]> Cells) Export =>
        ("participation", ["Id", "Activity", "StartsAtUtc", "Kind", "TitleEn", "ReportedParticipants", "ReportedMemberStates", "Countries", "Registrations"],
            r => [r.Id, r.Slug, r.StartsAtUtc, r.Kind, r.TitleEn, r.ReportedParticipants, r.ReportedMemberStates, r.Countries, r.Registrations]);

    protected override IQueryable<Activity> ForEdit => Db.Activities.Include(a => a.ParticipatingCountries);

    public Task<Paged<ParticipationRow>> ListAsync(ParticipationFilter filter, CancellationToken cancellationToken) =>
        Query(filter).ToPagedAsync(filter.Page, cancellationToken);

    public Task<List<ParticipationRow>> ListAllAsync(ParticipationFilter filter, CancellationToken cancellationToken) => Query(filter).ToListAsync(cancellationToken);

    public Task<RecordChoices> FilterChoicesAsync(CancellationToken cancellationToken) => Task.FromResult(new RecordChoices
    {
        ["Kind"] = EnumChoices<ActivityKind>("ActivityKind_"),
        ["Entered"] = [new(Label("StaffEnt_Yes"), "yes"), new(Label("StaffEnt_No"), "no")],
    });

    /// <summary>Every country for the grid, in one query: member states first by region, then the other countries, each by name.</summary>
    public async Task<RecordChoices> FormChoicesAsync(int? id, CancellationToken cancellationToken)
    {
        var english = English;
        var countries = await Db.Countries.AsNoTracking()
            .Select(c => new { c.Id, Name = english ? c.NameEn : c.NameEs, c.IsMemberState, c.Region }).ToListAsync(cancellationToken);
        var groups = new Dictionary<string, SelectListGroup>(StringComparer.Ordinal);
        SelectListGroup Group(bool member, Region region)
        {
            var name = member
                ? string.Format(CultureInfo.CurrentCulture, Label("StaffRec_Participation_GridMemberStates"), Label("MemberStates_Region_" + region))
                : Label("StaffRec_Participation_GridOthers");
            return groups.TryGetValue(name, out var group) ? group : groups[name] = new SelectListGroup { Name = name };
        }

        return new()
        {
            ["CountryId"] = [.. countries
                .OrderBy(c => c.IsMemberState ? 0 : 1).ThenBy(c => c.IsMemberState ? (int)c.Region : 0).ThenBy(c => c.Name, StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreCase))
                .Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture)) { Group = Group(c.IsMemberState, c.Region) })],
        };
    }

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
        Countries = [.. entity.ParticipatingCountries.OrderBy(c => c.CountryId).Select(c => new ParticipationCountryInput { CountryId = c.CountryId, Participants = c.Participants, TookPart = true })],
    };

    protected override void Apply(ParticipationInput input, Activity entity)
    {
        entity.ReportedParticipants = input.ReportedParticipants;
        entity.ReportedMemberStates = input.ReportedMemberStates;
        SyncChildren(entity.ParticipatingCountries, Kept(input).ToDictionary(r => r.CountryId!.Value, r => r.Participants),
            c => c.CountryId, (c, participants) => c.Participants = participants, (id, participants) => new ActivityCountry { CountryId = id, Participants = participants });

        // A change of the countries alone still moves the activity's version (R6), and the public pages are evicted.
        Db.Entry(entity).Property(e => e.UpdatedAt).IsModified = true;
    }

    /// <summary>The rows saved: a head count above zero, or "took part" with no count; zero or empty is none.</summary>
    private static IEnumerable<ParticipationCountryInput> Kept(ParticipationInput input) =>
        input.Countries.Where(r => r.CountryId is not null && (r.Participants > 0 || (r.Participants is null && r.TookPart)));

    protected override async Task ValidateAsync(int? id, ParticipationInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        await NameRowErrorsAsync(errors, cancellationToken);

        var chosen = Kept(input).Select(r => r.CountryId!.Value).Distinct().ToList();
        var known = await Db.Countries.Where(c => chosen.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        var seen = new HashSet<int>();
        foreach (var row in Kept(input))
        {
            var countryId = row.CountryId!.Value;
            var key = string.Create(CultureInfo.InvariantCulture, $"{nameof(input.Countries)}[{countryId}].{nameof(ParticipationCountryInput.Participants)}");
            if (!known.Contains(countryId))
            {
                errors.Add(key, Label("Admin_Validation_Invalid"));
            }
            else if (!seen.Add(countryId))
            {
                errors.Add(key, Label("StaffRec_Validation_CountryTwice"));
            }
        }
    }

    /// <summary>
    /// A refused head count (negative, too large, not a number) names its country and what is accepted, so the error
    /// summary above the grid of every country says which row to fix; the grid posts each row under its country's id.
    /// </summary>
    private async Task NameRowErrorsAsync(FormErrors errors, CancellationToken cancellationToken)
    {
        const string Prefix = nameof(ParticipationInput.Countries) + "[";
        var rows = errors.Keys.Where(key => key.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(key => (Key: key, Id: int.TryParse(key[Prefix.Length..key.IndexOf(']', StringComparison.Ordinal)], NumberStyles.None, CultureInfo.InvariantCulture, out var countryId) ? countryId : 0))
            .Where(e => e.Id > 0).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var ids = rows.Select(r => r.Id).ToList();
        var english = English;
        var names = await Db.Countries.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => english ? c.NameEn : c.NameEs, cancellationToken);
        foreach (var (key, countryId) in rows)
        {
            if (!names.TryGetValue(countryId, out var name))
            {
                continue;
            }

            errors.Replace(key, string.Format(CultureInfo.CurrentCulture, Label("StaffRec_Participation_RowInvalid"), name));
        }
    }

    protected override async Task DescribeConflictsAsync(Dictionary<string, string> conflicts, ParticipationInput before, ParticipationInput saved, CancellationToken cancellationToken)
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
            a.ParticipatingCountries.Count, a.Registrations.Count, a.UpdatedAt, a.Slug));
    }
}
