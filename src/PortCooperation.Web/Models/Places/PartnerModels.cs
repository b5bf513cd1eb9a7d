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

public sealed record PartnerCardModel(string Slug, string Name, string? Acronym, LocalizedText Country, int Activities, int Upcoming);

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
