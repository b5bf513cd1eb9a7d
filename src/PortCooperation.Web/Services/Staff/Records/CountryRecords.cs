using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Staff.Records;

public sealed class CountryFilter : RecordFilterBase
{
    [FromQuery(Name = "region")]
    public Region? Region { get; set; }

    /// <summary>"yes" (member states) or "no".</summary>
    [FromQuery(Name = "member")]
    public string? Member { get; set; }
}

public sealed record CountryRow(int Id, string Code, string NameEn, string NameEs, bool IsMemberState, Region Region, int PortSystems, DateTime UpdatedAt);

/// <summary>/Admin/Countries: reference data; a country other records point to cannot be deleted (the message says which).</summary>
public sealed class CountryRecords(PortalDbContext db, IStringLocalizer<SharedResource> text)
    : RecordEditor<Country, CountryInput>(db, text), IStaffRecords<CountryInput, CountryFilter, CountryRow>
{
    public (string Name, string[] Header, Func<CountryRow, object?[]> Cells) Export =>
        ("countries", ["Id", "Code", "NameEn", "NameEs", "MemberState", "Region", "PortSystems", "UpdatedAtUtc"],
            r => [r.Id, r.Code, r.NameEn, r.NameEs, r.IsMemberState, r.Region, r.PortSystems, r.UpdatedAt]);

    public Task<Paged<CountryRow>> ListAsync(CountryFilter filter, CancellationToken cancellationToken) =>
        Query(filter).ToPagedAsync(filter.Page, cancellationToken);

    public Task<List<CountryRow>> ListAllAsync(CountryFilter filter, CancellationToken cancellationToken) => Query(filter).ToListAsync(cancellationToken);

    public Task<RecordChoices> FilterChoicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new RecordChoices { ["Region"] = EnumChoices<Region>("MemberStates_Region_") });

    public Task<RecordChoices> FormChoicesAsync(int? id, CancellationToken cancellationToken) => FilterChoicesAsync(cancellationToken);

    public async Task<RecordDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var country = await Db.Countries.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Code, c.NameEn, c.NameEs, c.IsMemberState, c.Region, c.Version, c.UpdatedAt, PortSystems = c.PortSystems.OrderBy(p => p.Name).Select(p => p.Name).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (country is null)
        {
            return null;
        }

        return new RecordDetail(English ? country.NameEn : country.NameEs, country.Version,
            [
                (Label("StaffEnt_Country_Code"), country.Code),
                (Label("StaffEnt_Country_NameEn"), country.NameEn),
                (Label("StaffEnt_Country_NameEs"), country.NameEs),
                (Label("StaffEnt_Country_IsMemberState"), Label(country.IsMemberState ? "StaffEnt_Yes" : "StaffEnt_No")),
                (Label("StaffEnt_Country_Region"), Label("MemberStates_Region_" + country.Region)),
                (Label("Admin_Updated"), country.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"),
            ],
            [new RelatedList(Label("StaffEnt_Country_PortSystems"), country.PortSystems)],
            await DeleteBlockerAsync(id, cancellationToken));
    }

    public override CountryInput NewInput() => new() { Region = Region.SouthAmerica };

    public override async Task<string?> DeleteBlockerAsync(int id, CancellationToken cancellationToken)
    {
        var uses = await Db.Countries.Where(c => c.Id == id).Select(c => new
        {
            Activities = Db.Activities.Count(a => a.HostCountryId == id) + Db.ActivityCountries.Count(a => a.CountryId == id),
            PortSystems = c.PortSystems.Count,
            Organisations = Db.Organisations.Count(o => o.CountryId == id),
            Documents = Db.Documents.Count(d => d.CountryId == id),
            Awards = Db.ScholarshipAwards.Count(s => s.CountryId == id),
            Engagements = Db.SpeakingEngagementCountries.Count(s => s.CountryId == id),
            Registrations = Db.Registrations.Count(r => r.CountryId == id),
        }).SingleOrDefaultAsync(cancellationToken);
        return uses is null ? null : Blocker(
            (uses.Activities, "StaffEnt_Uses_Activities"), (uses.PortSystems, "StaffEnt_Uses_PortSystems"), (uses.Organisations, "StaffEnt_Uses_Organisations"),
            (uses.Documents, "StaffEnt_Uses_Documents"), (uses.Awards, "StaffEnt_Uses_Awards"), (uses.Engagements, "StaffEnt_Uses_Engagements"),
            (uses.Registrations, "StaffEnt_Uses_Registrations"));
    }

    protected override CountryInput ToInput(Country entity) => new()
    {
        Version = entity.Version,
        Code = entity.Code,
        NameEn = entity.NameEn,
        NameEs = entity.NameEs,
        IsMemberState = entity.IsMemberState,
        Region = entity.Region,
    };

    protected override void Apply(CountryInput input, Country entity)
    {
        entity.Code = input.Code!.Trim().ToUpperInvariant();
        entity.NameEn = input.NameEn!.Trim();
        entity.NameEs = input.NameEs!.Trim();
        entity.IsMemberState = input.IsMemberState;
        entity.Region = input.Region!.Value;
    }

    protected override async Task ValidateAsync(int? id, CountryInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        if (input.Region is { } region && !Enum.IsDefined(region))
        {
            errors.Add(nameof(input.Region), Label("Admin_Validation_Invalid"));
        }

        if (!errors.IsInvalid(nameof(input.Code)) && input.Code is { } code)
        {
            var upper = code.Trim().ToUpperInvariant();
            if (await Db.Countries.AnyAsync(c => c.Code == upper && c.Id != id, cancellationToken))
            {
                errors.Add(nameof(input.Code), Label("StaffEnt_Validation_CodeTaken"));
            }
        }
    }

    private IQueryable<CountryRow> Query(CountryFilter filter)
    {
        var query = Db.Countries.AsNoTracking();
        if (Pattern(filter.Q) is { } pattern)
        {
            query = query.Where(c => EF.Functions.Like(c.NameEn.ToLower(), pattern) || EF.Functions.Like(c.NameEs.ToLower(), pattern) || EF.Functions.Like(c.Code.ToLower(), pattern));
        }

        if (filter.Region is { } region && Enum.IsDefined(region))
        {
            query = query.Where(c => c.Region == region);
        }

        query = filter.Member switch
        {
            "yes" => query.Where(c => c.IsMemberState),
            "no" => query.Where(c => !c.IsMemberState),
            _ => query,
        };

        query = filter.Sort switch
        {
            "code" => query.OrderBy(c => c.Code),
            "-code" => query.OrderByDescending(c => c.Code),
            "region" => query.OrderBy(c => c.Region).ThenBy(c => c.NameEn),
            "-region" => query.OrderByDescending(c => c.Region).ThenBy(c => c.NameEn),
            "updated" => query.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
            "-updated" => query.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id),
            "-name" => query.OrderByDescending(c => c.NameEn).ThenBy(c => c.Id),
            _ => query.OrderBy(c => c.NameEn).ThenBy(c => c.Id),
        };
        return query.Select(c => new CountryRow(c.Id, c.Code, c.NameEn, c.NameEs, c.IsMemberState, c.Region, c.PortSystems.Count, c.UpdatedAt));
    }
}
