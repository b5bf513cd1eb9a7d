using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Discovery;

/// <summary>One public URL of the sitemap: its path and when its record last changed (null for section pages).</summary>
public sealed record SitemapEntry(string Path, DateTime? LastModifiedUtc);

/// <summary>
/// Every public URL, in ONE SQL command: a UNION ALL over the tables behind the public pages (published activities,
/// documents and collections, member states, partner organisations), whatever the number of rows.
/// </summary>
public sealed class SitemapReader(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Section pages that exist whatever the data.</summary>
    public static IReadOnlyList<string> SectionPaths { get; } =
        ["/", "/activities", "/activities/calendar", "/library", "/member-states", "/port-network"];

    public async Task<List<SitemapEntry>> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Activities.AsNoTracking().Public(now)
            .Select(a => new Row { Section = Section.Activity, Key = a.Slug, UpdatedAt = a.UpdatedAt })
            .Concat(db.Documents.AsNoTracking().Public(now)
                .Select(d => new Row { Section = Section.Document, Key = d.Slug, UpdatedAt = d.UpdatedAt }))
            .Concat(db.Collections.AsNoTracking().Public()
                .Select(c => new Row { Section = Section.Collection, Key = c.Slug, UpdatedAt = c.UpdatedAt }))
            .Concat(db.Countries.AsNoTracking().Where(c => c.IsMemberState)
                .Select(c => new Row { Section = Section.MemberState, Key = c.Code, UpdatedAt = c.UpdatedAt }))
            .Concat(db.Organisations.AsNoTracking()
                .Select(o => new Row { Section = Section.Partner, Key = o.Slug, UpdatedAt = o.UpdatedAt }))
            .ToListAsync(cancellationToken);

        var entries = SectionPaths.Select(p => new SitemapEntry(p, null)).ToList();
        entries.AddRange(rows
            .Where(r => !string.IsNullOrWhiteSpace(r.Key))
            .OrderBy(r => r.Section).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new SitemapEntry(PathOf(r.Section, r.Key), r.UpdatedAt == default ? null : r.UpdatedAt)));
        return entries;
    }

    private static string PathOf(Section section, string key)
    {
        var escaped = Uri.EscapeDataString(key);
        return section switch
        {
            Section.Activity => $"/activities/{escaped}",
            Section.Document => $"/library/{escaped}",
            Section.Collection => $"/library/collections/{escaped}",
            Section.MemberState => $"/member-states/{escaped.ToLowerInvariant()}",
            _ => $"/partners/{escaped}",
        };
    }

    private enum Section
    {
        Activity = 1,
        Document = 2,
        Collection = 3,
        MemberState = 4,
        Partner = 5,
    }

    private sealed class Row
    {
        public Section Section { get; init; }
        public string Key { get; init; } = "";
        public DateTime UpdatedAt { get; init; }
    }
}
