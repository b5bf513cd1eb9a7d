using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;

namespace PortCooperation.Web.Services.Staff;

/// <summary>A country as an uploaded file writes it: the ISO code, or the English or Spanish name with or without accents and in any case.</summary>
public sealed class CountryLookup
{
    private readonly Dictionary<string, CountryMatch> _byKey;

    private CountryLookup(Dictionary<string, CountryMatch> byKey) => _byKey = byKey;

    public static async Task<CountryLookup> LoadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.NameEn, c.NameEs, c.IsMemberState })
            .ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, CountryMatch>(StringComparer.Ordinal);
        foreach (var c in countries)
        {
            var match = new CountryMatch(c.Id, c.Code, c.NameEn, c.NameEs, c.IsMemberState);
            foreach (var name in new[] { c.Code, c.NameEn, c.NameEs })
            {
                byKey.TryAdd(Key(name), match);
            }
        }

        return new CountryLookup(byKey);
    }

    public CountryMatch? Find(string? text) => string.IsNullOrWhiteSpace(text) ? null : _byKey.GetValueOrDefault(Key(text));

    /// <summary>Lower case, no accents, single spaces: "PERÚ", "Peru" and " perú " are one key.</summary>
    private static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}

public sealed record CountryMatch(int Id, string Code, string NameEn, string NameEs, bool IsMemberState);
