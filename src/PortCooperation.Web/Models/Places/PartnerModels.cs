using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Models.Places;

/// <summary>The organisations that partnered published activities, grouped by kind.</summary>
public sealed class PartnersDirectoryModel
{
    public IReadOnlyList<PartnerGroupModel> Groups { get; init; } = [];

    public int PartnerCount => Groups.Sum(g => g.Partners.Count);
}

public sealed record PartnerGroupModel(OrganisationType Type, IReadOnlyList<PartnerCardModel> Partners);

public sealed record PartnerCardModel(string Slug, string Name, string? Acronym, LocalizedText Country, int Activities, int Upcoming)
{
    /// <summary>The card's monogram (no partner has a logo on record): the acronym when it is short, else initials.</summary>
    public string Monogram => PartnerMonogram.Of(Name, Acronym);
}

/// <summary>Two to four letters that stand for an organisation: "CIP", "APN", "FV" for "Fundación Valenciaport".</summary>
public static class PartnerMonogram
{
    private static readonly HashSet<string> _minorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "the", "and", "for", "de", "del", "la", "las", "los", "el", "y", "e", "en", "para", "da", "do", "des", "du", "et",
    };

    public static string Of(string name, string? acronym)
    {
        var shortAcronym = acronym?.Trim();
        if (!string.IsNullOrEmpty(shortAcronym) && shortAcronym.Length <= 4 && !shortAcronym.Contains(' ', StringComparison.Ordinal))
        {
            return shortAcronym.ToUpperInvariant();
        }

        var initials = name.Split([' ', '-', '/', '(', ')', ',', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !_minorWords.Contains(w) && char.IsLetter(w[0]))
            .Select(w => char.ToUpperInvariant(w[0]))
            .Take(3)
            .ToArray();
        return initials.Length == 0 ? "?" : new string(initials);
    }
}

/// <summary>One organisation and the published activities done with it.</summary>
public sealed class PartnerPageModel
{
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Acronym { get; init; }
    public OrganisationType Type { get; init; }
    public string? CountrySlug { get; init; }
    public LocalizedText Country { get; init; }
    public string? WebsiteUrl { get; init; }
    public LocalizedText Description { get; init; }
    public IReadOnlyList<PlaceActivityModel> Upcoming { get; init; } = [];
    public IReadOnlyList<PlaceActivityModel> Past { get; init; } = [];
    public int ActivityCount { get; init; }
}
