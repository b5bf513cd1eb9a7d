using Microsoft.AspNetCore.Mvc;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Staff;

/// <summary>Filters of /Admin/Documents, bound from the query string; unknown values are ignored.</summary>
public sealed class DocumentListFilter
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "region")]
    public Region? Region { get; set; }

    [FromQuery(Name = "country")]
    public int? Country { get; set; }

    [FromQuery(Name = "kind")]
    public SourceKind? Kind { get; set; }

    [FromQuery(Name = "topic")]
    public int? Topic { get; set; }

    /// <summary>"draft", "scheduled" or "published".</summary>
    [FromQuery(Name = "publication")]
    public string? Publication { get; set; }

    /// <summary>"updated" (default, newest first), "title", "kind", "published"; a leading "-" reverses.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record DocumentListRow(
    int Id, string TitleEn, string? TitleEs, SourceKind SourceKind, string? Organisation, string? CountryEn, string? CountryEs, Region? Region,
    PublicationState PublicationState, DateTime? PublishAtUtc, DateOnly? PublishedOn, int Attachments, DateTime UpdatedAt, bool IsDemo);

/// <summary>The choices of the list's filters: countries and topics (two SQL commands).</summary>
public sealed record DocumentFilterChoices(IReadOnlyList<SelectListItem> Countries, IReadOnlyList<SelectListItem> Topics);

/// <summary>The staff list of best-practice documents: search, filters, sorting and paging in two SQL commands (count + page).</summary>
public sealed class DocumentAdminReader(PortalDbContext db, TimeProvider clock)
{
    public Task<Paged<DocumentListRow>> ReadAsync(DocumentListFilter filter, CancellationToken cancellationToken) =>
        Sorted(Filtered(filter), filter.Sort).Select(Row).ToPagedAsync(filter.Page, cancellationToken);

    public Task<List<DocumentListRow>> ReadAllAsync(DocumentListFilter filter, CancellationToken cancellationToken) =>
        Sorted(Filtered(filter), filter.Sort).Select(Row).ToListAsync(cancellationToken);

    public async Task<DocumentFilterChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "es";
        var countries = await db.Countries.AsNoTracking().OrderBy(c => english ? c.NameEn : c.NameEs)
            .Select(c => new SelectListItem(english ? c.NameEn : c.NameEs, c.Id.ToString())).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => english ? t.NameEn : t.NameEs ?? t.NameEn)
            .Select(t => new SelectListItem(english ? t.NameEn : t.NameEs ?? t.NameEn, t.Id.ToString())).ToListAsync(cancellationToken);
        return new DocumentFilterChoices(countries, topics);
    }

    private static readonly Expression<Func<BestPracticeDocument, DocumentListRow>> Row = d => new DocumentListRow(
        d.Id, d.TitleEn, d.TitleEs, d.SourceKind,
        d.SourceOrganisation == null ? null : d.SourceOrganisation.Acronym ?? d.SourceOrganisation.NameEn,
        d.Country == null ? null : d.Country.NameEn, d.Country == null ? null : d.Country.NameEs, d.Country == null ? null : d.Country.Region,
        d.PublicationState, d.PublishAtUtc, d.PublishedOn, d.Attachments.Count, d.UpdatedAt, d.IsDemo);

    private IQueryable<BestPracticeDocument> Filtered(DocumentListFilter filter)
    {
        var query = db.Documents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + filter.Q.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            query = query.Where(d => EF.Functions.Like(d.TitleEn.ToLower(), pattern) || (d.TitleEs != null && EF.Functions.Like(d.TitleEs.ToLower(), pattern))
                || (d.SummaryEn != null && EF.Functions.Like(d.SummaryEn.ToLower(), pattern)));
        }

        if (filter.Region is { } region && Enum.IsDefined(region))
        {
            query = query.Where(d => d.Country != null && d.Country.Region == region);
        }

        if (filter.Country is { } country)
        {
            query = query.Where(d => d.CountryId == country);
        }

        if (filter.Kind is { } kind && Enum.IsDefined(kind))
        {
            query = query.Where(d => d.SourceKind == kind);
        }

        if (filter.Topic is { } topic)
        {
            query = query.Where(d => d.Topics.Any(t => t.TopicId == topic));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return filter.Publication switch
        {
            "draft" => query.Where(d => d.PublicationState == PublicationState.Draft),
            "scheduled" => query.Scheduled(now),
            "published" => query.Public(now),
            _ => query,
        };
    }

    private static IQueryable<BestPracticeDocument> Sorted(IQueryable<BestPracticeDocument> query, string? sort) => sort switch
    {
        "title" => query.OrderBy(d => d.TitleEn).ThenBy(d => d.Id),
        "-title" => query.OrderByDescending(d => d.TitleEn).ThenBy(d => d.Id),
        "kind" => query.OrderBy(d => d.SourceKind).ThenBy(d => d.TitleEn).ThenBy(d => d.Id),
        "-kind" => query.OrderByDescending(d => d.SourceKind).ThenBy(d => d.TitleEn).ThenBy(d => d.Id),
        "published" => query.OrderBy(d => d.PublishedOn).ThenBy(d => d.Id),
        "-published" => query.OrderByDescending(d => d.PublishedOn).ThenBy(d => d.Id),
        "updated" => query.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id),
        _ => query.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id),
    };
}
