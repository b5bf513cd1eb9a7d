using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Models.Places;

public sealed class PortNetworkModel
{
    public IReadOnlyList<ProgrammeModel> Programmes { get; init; } = [];
}

/// <summary>A programme with its phases; each phase lists the port systems that joined in it, by country.</summary>
public sealed class ProgrammeModel
{
    public string Slug { get; init; } = "";
    public LocalizedText Name { get; init; }
    public LocalizedText Description { get; init; }
    public string? LeadOrganisation { get; init; }
    public string? LeadOrganisationSlug { get; init; }
    public IReadOnlyList<PhaseModel> Phases { get; init; } = [];

    /// <summary>One row per country: how many of its port systems joined in each phase (same order as <see cref="Phases"/>).</summary>
    public IReadOnlyList<NetworkCountryRowModel> ByCountry { get; init; } = [];

    public int PortSystemCount => Phases.Sum(p => p.PortSystemCount);

    public int CountryCount => ByCountry.Count;
}

public sealed class PhaseModel
{
    public int Sequence { get; init; }
    public string Label { get; init; } = "";
    public int? StartYear { get; init; }
    public int? EndYear { get; init; }
    public LocalizedText Description { get; init; }
    public IReadOnlyList<NetworkCountryModel> Countries { get; init; } = [];

    public int PortSystemCount => Countries.Sum(c => c.PortSystems.Count);
}

public sealed record NetworkCountryModel(string Slug, string Code, LocalizedText Name, IReadOnlyList<NetworkPortModel> PortSystems);

public sealed record NetworkPortModel(string Name, string? UnLocode);

public sealed record NetworkCountryRowModel(string Slug, string Code, LocalizedText Name, IReadOnlyList<int> PerPhase)
{
    public int Total => PerPhase.Sum();
}
