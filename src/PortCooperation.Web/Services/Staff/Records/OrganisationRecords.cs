using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Staff.Records;

public sealed class OrganisationFilter : RecordFilterBase
{
    [FromQuery(Name = "type")]
    public OrganisationType? Type { get; set; }

    [FromQuery(Name = "country")]
    public int? Country { get; set; }
}

public sealed record OrganisationRow(
    int Id, string NameEn, string? NameEs, string? Acronym, OrganisationType Type, string? CountryEn, string? CountryEs, string Slug, string? WebsiteUrl,
    int Activities, DateTime UpdatedAt);

/// <summary>/Admin/Organisations: partners; one that activities, documents, programmes or engagements name cannot be deleted.</summary>
public sealed class OrganisationRecords(PortalDbContext db, IStringLocalizer<SharedResource> text)
    : RecordEditor<Organisation, OrganisationInput>(db, text), IStaffRecords<OrganisationInput, OrganisationFilter, OrganisationRow>
{
    public (string Name, string[] Header, Func<OrganisationRow, object?[]> Cells) Export =>
        ("organisations", ["Id", "NameEn", "NameEs", "Acronym", "Type", "Country", "Slug", "WebsiteUrl", "Activities", "UpdatedAtUtc"],
            r => [r.Id, r.NameEn, r.NameEs, r.Acronym, r.Type, r.CountryEn, r.Slug, r.WebsiteUrl, r.Activities, r.UpdatedAt]);

    public Task<Paged<OrganisationRow>> ListAsync(OrganisationFilter filter, CancellationToken cancellationToken) =>
        Query(filter).ToPagedAsync(filter.Page, cancellationToken);

    public Task<List<OrganisationRow>> ListAllAsync(OrganisationFilter filter, CancellationToken cancellationToken) => Query(filter).ToListAsync(cancellationToken);

    public async Task<RecordChoices> FilterChoicesAsync(CancellationToken cancellationToken) => new()
    {
        ["Type"] = EnumChoices<OrganisationType>("Partners_Type_"),
        ["CountryId"] = await CountryChoicesAsync(cancellationToken),
    };

    public Task<RecordChoices> FormChoicesAsync(int? id, CancellationToken cancellationToken) => FilterChoicesAsync(cancellationToken);

    public async Task<RecordDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var o = await Db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => new
        {
            o.NameEn, o.NameEs, o.Acronym, o.Type, o.Slug, o.WebsiteUrl, o.DescriptionEn, o.DescriptionEs, o.Version, o.UpdatedAt,
            CountryEn = o.Country != null ? o.Country.NameEn : null, CountryEs = o.Country != null ? o.Country.NameEs : null,
        }).SingleOrDefaultAsync(cancellationToken);
        if (o is null)
        {
            return null;
        }

        var activities = await Db.Activities.AsNoTracking().Where(a => a.Partners.Any(p => p.OrganisationId == id))
            .OrderByDescending(a => a.StartsAtUtc).Take(50).Select(a => new { a.StartsAtUtc, a.TitleEn }).ToListAsync(cancellationToken);
        return new RecordDetail(o.Acronym is null ? o.NameEn : $"{o.NameEn} ({o.Acronym})", o.Version,
            [
                (Label("StaffEnt_Organisation_NameEn"), o.NameEn),
                (Label("StaffEnt_Organisation_NameEs"), o.NameEs ?? ""),
                (Label("StaffEnt_Organisation_Acronym"), o.Acronym ?? ""),
                (Label("StaffEnt_Organisation_Type"), Label("Partners_Type_" + o.Type)),
                (Label("StaffEnt_Organisation_CountryId"), (English ? o.CountryEn : o.CountryEs) ?? ""),
                (Label("StaffEnt_Organisation_WebsiteUrl"), o.WebsiteUrl ?? ""),
                (Label("StaffEnt_Organisation_Slug"), o.Slug),
                (Label("StaffEnt_Organisation_DescriptionEn"), o.DescriptionEn ?? ""),
                (Label("StaffEnt_Organisation_DescriptionEs"), o.DescriptionEs ?? ""),
                (Label("Admin_Updated"), o.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"),
            ],
            [new RelatedList(Label("StaffEnt_Organisation_Activities"), [.. activities.Select(a => $"{a.StartsAtUtc:yyyy-MM-dd} · {a.TitleEn}")])],
            await DeleteBlockerAsync(id, cancellationToken));
    }

    public override OrganisationInput NewInput() => new() { Type = OrganisationType.InternationalOrganisation };

    public override async Task<string?> DeleteBlockerAsync(int id, CancellationToken cancellationToken)
    {
        var uses = await Db.Organisations.Where(o => o.Id == id).Select(o => new
        {
            Activities = Db.ActivityPartners.Count(p => p.OrganisationId == id),
            Documents = Db.Documents.Count(d => d.SourceOrganisationId == id),
            Programmes = Db.Programmes.Count(p => p.LeadOrganisationId == id),
            Engagements = Db.SpeakingEngagements.Count(s => s.OrganiserId == id),
        }).SingleOrDefaultAsync(cancellationToken);
        return uses is null ? null : Blocker(
            (uses.Activities, "StaffEnt_Uses_Activities"), (uses.Documents, "StaffEnt_Uses_Documents"),
            (uses.Programmes, "StaffEnt_Uses_Programmes"), (uses.Engagements, "StaffEnt_Uses_Engagements"));
    }

    protected override OrganisationInput ToInput(Organisation entity) => new()
    {
        Version = entity.Version,
        NameEn = entity.NameEn,
        NameEs = entity.NameEs,
        DescriptionEn = entity.DescriptionEn,
        DescriptionEs = entity.DescriptionEs,
        Acronym = entity.Acronym,
        Type = entity.Type,
        CountryId = entity.CountryId,
        WebsiteUrl = entity.WebsiteUrl,
        Slug = entity.Slug,
    };

    protected override void Apply(OrganisationInput input, Organisation entity)
    {
        entity.NameEn = input.NameEn!.Trim();
        entity.NameEs = Clean(input.NameEs);
        entity.DescriptionEn = Clean(input.DescriptionEn);
        entity.DescriptionEs = Clean(input.DescriptionEs);
        entity.Acronym = Clean(input.Acronym);
        entity.Type = input.Type!.Value;
        entity.CountryId = input.CountryId;
        entity.WebsiteUrl = Clean(input.WebsiteUrl);
        entity.Slug = input.Slug!;
    }

    protected override async Task ValidateAsync(int? id, OrganisationInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        if (input.Type is { } type && !Enum.IsDefined(type))
        {
            errors.Add(nameof(input.Type), Label("Admin_Validation_Invalid"));
        }

        if (input.CountryId is { } countryId && !await Db.Countries.AnyAsync(c => c.Id == countryId, cancellationToken))
        {
            errors.Add(nameof(input.CountryId), Label("Admin_Validation_Invalid"));
        }

        input.Slug = await SlugAsync(input.Slug, input.NameEn, "organisation", nameof(input.Slug), errors,
            slug => Db.Organisations.Where(o => o.Id != id && (o.Slug == slug || o.Slug.StartsWith(slug + "-"))).Select(o => o.Slug), cancellationToken);
    }

    private IQueryable<OrganisationRow> Query(OrganisationFilter filter)
    {
        var query = Db.Organisations.AsNoTracking();
        if (Pattern(filter.Q) is { } pattern)
        {
            query = query.Where(o => EF.Functions.Like(o.NameEn.ToLower(), pattern) || (o.NameEs != null && EF.Functions.Like(o.NameEs.ToLower(), pattern))
                || (o.Acronym != null && EF.Functions.Like(o.Acronym.ToLower(), pattern)));
        }

        if (filter.Type is { } type && Enum.IsDefined(type))
        {
            query = query.Where(o => o.Type == type);
        }

        if (filter.Country is { } country)
        {
            query = query.Where(o => o.CountryId == country);
        }

        var activities = Db.ActivityPartners;
        query = filter.Sort switch
        {
            "type" => query.OrderBy(o => o.Type).ThenBy(o => o.NameEn),
            "-type" => query.OrderByDescending(o => o.Type).ThenBy(o => o.NameEn),
            "activities" => query.OrderBy(o => activities.Count(p => p.OrganisationId == o.Id)).ThenBy(o => o.NameEn),
            "-activities" => query.OrderByDescending(o => activities.Count(p => p.OrganisationId == o.Id)).ThenBy(o => o.NameEn),
            "updated" => query.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id),
            "-updated" => query.OrderByDescending(o => o.UpdatedAt).ThenBy(o => o.Id),
            "-name" => query.OrderByDescending(o => o.NameEn).ThenBy(o => o.Id),
            _ => query.OrderBy(o => o.NameEn).ThenBy(o => o.Id),
        };
        return query.Select(o => new OrganisationRow(o.Id, o.NameEn, o.NameEs, o.Acronym, o.Type,
            o.Country != null ? o.Country.NameEn : null, o.Country != null ? o.Country.NameEs : null, o.Slug, o.WebsiteUrl,
            activities.Count(p => p.OrganisationId == o.Id), o.UpdatedAt));
    }
}
