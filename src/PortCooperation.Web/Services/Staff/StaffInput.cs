using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data.Seeding;

namespace PortCooperation.Web.Services.Staff;

/// <summary>Small rules every staff form applies the same way.</summary>
public static class StaffInput
{
    /// <summary>Trimmed text, or null for an empty or blank field.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A slug made from the title ("-2", "-3" … when taken among <paramref name="existing"/>), or <paramref name="fallback"/> when the title has no letters.</summary>
    public static async Task<string> UniqueSlugAsync(IQueryable<string> existing, string title, string fallback, CancellationToken cancellationToken)
    {
        var baseSlug = SeedText.Slug(title);
        if (baseSlug.Length == 0)
        {
            baseSlug = fallback;
        }

        baseSlug = baseSlug[..Math.Min(baseSlug.Length, 140)].TrimEnd('-');
        var taken = await existing.Where(s => s == baseSlug || s.StartsWith(baseSlug + "-")).ToListAsync(cancellationToken);
        var slug = baseSlug;
        for (var i = 2; taken.Contains(slug); i++)
        {
            slug = $"{baseSlug}-{i}";
        }

        return slug;
    }
}
