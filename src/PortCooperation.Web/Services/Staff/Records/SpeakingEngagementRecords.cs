using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Staff.Records;

public sealed class SpeakingEngagementFilter : RecordFilterBase
{
    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    /// <summary>"online" or "inperson".</summary>
    [FromQuery(Name = "mode")]
    public string? Mode { get; set; }

    [FromQuery(Name = "country")]
    public int? Country { get; set; }
}

public sealed record SpeakingEngagementRow(
    int Id, string TitleEn, string? TitleEs, DateOnly Date, string? Organiser, string? Speaker, bool IsOnline, int? AudienceSize, int Countries, DateTime UpdatedAt);

/// <summary>/Admin/SpeakingEngagements: the secretariat speaking at others' events; nothing refers to an engagement.</summary>
public sealed class SpeakingEngagementRecords(PortalDbContext db, IStringLocalizer<SharedResource> text)
    : RecordEditor<SpeakingEngagement, SpeakingEngagementInput>(db, text), IStaffRecords<SpeakingEngagementInput, SpeakingEngagementFilter, SpeakingEngagementRow>
{
    public (string Name, string[] Header, Func<SpeakingEngagementRow, object?[]> Cells) Export =>
        ("speaking-engagements", ["Id", "Date", "TitleEn", "TitleEs", "Organiser", "Speaker", "Online", "AudienceSize", "Countries", "UpdatedAtUtc"],
            r => [r.Id, r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.TitleEn, r.TitleEs, r.Organiser, r.Speaker, r.IsOnline, r.AudienceSize, r.Countries, r.UpdatedAt]);

    protected override IQueryable<SpeakingEngagement> ForEdit => Db.SpeakingEngagements.Include(e => e.Countries);

    public Task<Paged<SpeakingEngagementRow>> ListAsync(SpeakingEngagementFilter filter, CancellationToken cancellationToken) =>
        Query(filter).ToPagedAsync(filter.Page, cancellationToken);

    public Task<List<SpeakingEngagementRow>> ListAllAsync(SpeakingEngagementFilter filter, CancellationToken cancellationToken) => Query(filter).ToListAsync(cancellationToken);

    public async Task<RecordChoices> FilterChoicesAsync(CancellationToken cancellationToken) => new()
    {
        ["CountryId"] = await CountryChoicesAsync(cancellationToken),
        ["Mode"] = [new(Label("StaffRec_Engagement_Online"), "online"), new(Label("StaffRec_Engagement_InPerson"), "inperson")],
    };

    public async Task<RecordChoices> FormChoicesAsync(int? id, CancellationToken cancellationToken) => new()
    {
        ["OrganiserId"] = await OrganisationChoicesAsync(cancellationToken),
        ["CountryIds"] = await CountryChoicesAsync(cancellationToken),
    };

    public async Task<RecordDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var e = await Db.SpeakingEngagements.AsNoTracking().Where(e => e.Id == id).Select(e => new
        {
            e.TitleEn, e.TitleEs, e.Date, e.Speaker, e.IsOnline, e.AudienceSize, e.AudienceCountryCount, e.NotesEn, e.NotesEs, e.IsDemo, e.Version, e.UpdatedAt,
            Organiser = e.Organiser != null ? e.Organiser.NameEn : null, e.OrganiserName,
            Countries = e.Countries.OrderBy(c => c.Country!.NameEn).Select(c => new { c.Country!.NameEn, c.Country.NameEs }).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
        if (e is null)
        {
            return null;
        }

        string Count(int? value) => value?.ToString("N0", CultureInfo.CurrentCulture) ?? "";
        return new RecordDetail(English ? e.TitleEn : e.TitleEs ?? e.TitleEn, e.Version,
            [
                (Label("StaffRec_Engagement_TitleEn"), e.TitleEn),
                (Label("StaffRec_Engagement_TitleEs"), e.TitleEs ?? ""),
                (Label("StaffRec_Engagement_Date"), e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                (Label("StaffRec_Engagement_OrganiserId"), e.Organiser ?? ""),
                (Label("StaffRec_Engagement_OrganiserName"), e.OrganiserName ?? ""),
                (Label("StaffRec_Engagement_Speaker"), e.Speaker ?? ""),
                (Label("StaffRec_Engagement_IsOnline"), Label(e.IsOnline ? "StaffEnt_Yes" : "StaffEnt_No")),
                (Label("StaffRec_Engagement_AudienceSize"), Count(e.AudienceSize)),
                (Label("StaffRec_Engagement_AudienceCountryCount"), Count(e.AudienceCountryCount)),
                (Label("StaffRec_Engagement_NotesEn"), e.NotesEn ?? ""),
                (Label("StaffRec_Engagement_NotesEs"), e.NotesEs ?? ""),
                (Label("StaffRec_Engagement_IsDemo"), Label(e.IsDemo ? "StaffEnt_Yes" : "StaffEnt_No")),
                (Label("Admin_Updated"), e.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"),
            ],
            [new RelatedList(Label("StaffRec_Engagement_CountryIds"), [.. e.Countries.Select(c => English ? c.NameEn : c.NameEs)])],
            null);
    }

    /// <summary>Nothing refers to an engagement; its audience countries go with it.</summary>
    public override Task<string?> DeleteBlockerAsync(int id, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    protected override SpeakingEngagementInput ToInput(SpeakingEngagement entity) => new()
    {
        Version = entity.Version,
        TitleEn = entity.TitleEn,
        TitleEs = entity.TitleEs,
        NotesEn = entity.NotesEn,
        NotesEs = entity.NotesEs,
        OrganiserId = entity.OrganiserId,
        OrganiserName = entity.OrganiserName,
        Date = entity.Date,
        Speaker = entity.Speaker,
        IsOnline = entity.IsOnline,
        AudienceSize = entity.AudienceSize,
        AudienceCountryCount = entity.AudienceCountryCount,
        CountryIds = [.. entity.Countries.Select(c => c.CountryId).Order()],
    };

    protected override void Apply(SpeakingEngagementInput input, SpeakingEngagement entity)
    {
        entity.TitleEn = input.TitleEn!.Trim();
        entity.TitleEs = Clean(input.TitleEs);
        entity.NotesEn = Clean(input.NotesEn);
        entity.NotesEs = Clean(input.NotesEs);
        entity.OrganiserId = input.OrganiserId;
        entity.OrganiserName = Clean(input.OrganiserName);
        entity.Date = input.Date!.Value;
        entity.Speaker = Clean(input.Speaker);
        entity.IsOnline = input.IsOnline;
        entity.AudienceSize = input.AudienceSize;
        entity.AudienceCountryCount = input.AudienceCountryCount;
        SyncChildren(entity.Countries, input.CountryIds.Distinct().ToDictionary(id => id, _ => true),
            c => c.CountryId, (_, _) => { }, (id, _) => new SpeakingEngagementCountry { CountryId = id });

        if (entity.Id != 0)
        {
            // A change of audience countries alone still moves the engagement's version (R6).
            Db.Entry(entity).Property(e => e.UpdatedAt).IsModified = true;
        }
    }

    protected override async Task ValidateAsync(int? id, SpeakingEngagementInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        if (input.OrganiserId is { } organiser && !await Db.Organisations.AnyAsync(o => o.Id == organiser, cancellationToken))
        {
            errors.Add(nameof(input.OrganiserId), Label("Admin_Validation_Invalid"));
        }

        if (input.OrganiserId is null && string.IsNullOrWhiteSpace(input.OrganiserName))
        {
            errors.Add(nameof(input.OrganiserName), Label("StaffRec_Validation_OrganiserNeeded"));
        }

        var countries = input.CountryIds.Distinct().ToList();
        if (countries.Count != input.CountryIds.Count || await Db.Countries.CountAsync(c => countries.Contains(c.Id), cancellationToken) != countries.Count)
        {
            errors.Add(nameof(input.CountryIds), Label("Admin_Validation_Invalid"));
        }
    }

    protected override async Task DescribeConflictsAsync(Dictionary<string, string> conflicts, SpeakingEngagementInput before, SpeakingEngagementInput saved, CancellationToken cancellationToken)
    {
        if (conflicts.ContainsKey(nameof(saved.CountryIds)))
        {
            var english = English;
            conflicts[nameof(saved.CountryIds)] = string.Join("; ", await Db.Countries.AsNoTracking().Where(c => saved.CountryIds.Contains(c.Id))
                .OrderBy(c => english ? c.NameEn : c.NameEs).Select(c => english ? c.NameEn : c.NameEs).ToListAsync(cancellationToken));
        }

        if (conflicts.ContainsKey(nameof(saved.OrganiserId)))
        {
            conflicts[nameof(saved.OrganiserId)] = await Db.Organisations.AsNoTracking().Where(o => o.Id == saved.OrganiserId).Select(o => o.NameEn).SingleOrDefaultAsync(cancellationToken) ?? "";
        }
    }

    private IQueryable<SpeakingEngagementRow> Query(SpeakingEngagementFilter filter)
    {
        var query = Db.SpeakingEngagements.AsNoTracking();
        if (Pattern(filter.Q) is { } pattern)
        {
            query = query.Where(e => EF.Functions.Like(e.TitleEn.ToLower(), pattern) || (e.TitleEs != null && EF.Functions.Like(e.TitleEs.ToLower(), pattern))
                || (e.Speaker != null && EF.Functions.Like(e.Speaker.ToLower(), pattern))
                || (e.OrganiserName != null && EF.Functions.Like(e.OrganiserName.ToLower(), pattern))
                || (e.Organiser != null && EF.Functions.Like(e.Organiser.NameEn.ToLower(), pattern)));
        }

        if (filter.Year is >= 1900 and <= 2200)
        {
            var from = new DateOnly(filter.Year.Value, 1, 1);
            var to = from.AddYears(1);
            query = query.Where(e => e.Date >= from && e.Date < to);
        }

        if (filter.Mode is "online" or "inperson")
        {
            var online = filter.Mode == "online";
            query = query.Where(e => e.IsOnline == online);
        }

        if (filter.Country is { } country)
        {
            query = query.Where(e => e.Countries.Any(c => c.CountryId == country));
        }

        query = filter.Sort switch
        {
            "date" => query.OrderBy(e => e.Date).ThenBy(e => e.Id),
            "title" => query.OrderBy(e => e.TitleEn).ThenBy(e => e.Id),
            "-title" => query.OrderByDescending(e => e.TitleEn).ThenBy(e => e.Id),
            "audience" => query.OrderBy(e => e.AudienceSize).ThenBy(e => e.Id),
            "-audience" => query.OrderByDescending(e => e.AudienceSize).ThenBy(e => e.Id),
            "updated" => query.OrderBy(e => e.UpdatedAt).ThenBy(e => e.Id),
            "-updated" => query.OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Id),
            _ => query.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id),
        };
        return query.Select(e => new SpeakingEngagementRow(e.Id, e.TitleEn, e.TitleEs, e.Date, e.Organiser != null ? e.Organiser.NameEn : e.OrganiserName,
            e.Speaker, e.IsOnline, e.AudienceSize, e.Countries.Count, e.UpdatedAt));
    }
}
