using System.Globalization;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Models.Places;

/// <summary>The member-states directory: member states by region, then the other countries the portal records.</summary>
public sealed class MemberStatesDirectoryModel
{
    public IReadOnlyList<RegionGroupModel> Regions { get; init; } = [];

    /// <summary>Countries that are not member states but took part or are named (Spain, France…).</summary>
    public IReadOnlyList<CountryCardModel> OtherCountries { get; init; } = [];

    public int MemberStateCount => Regions.Sum(r => r.Countries.Count);
}

public sealed record RegionGroupModel(Region Region, IReadOnlyList<CountryCardModel> Countries);

public sealed record CountryCardModel(string Slug, string Code, LocalizedText Name, int PortSystems, int Documents, int HostedActivities);

/// <summary>One country's page: its port systems in programmes, documents, activities, participation and scholarships.</summary>
public sealed class CountryPageModel
{
    public string Slug { get; init; } = "";
    public string Code { get; init; } = "";
    public LocalizedText Name { get; init; }
    public Region Region { get; init; }
    public bool IsMemberState { get; init; }
    public IReadOnlyList<CountryPortSystemModel> PortSystems { get; init; } = [];
    public IReadOnlyList<CountryDocumentModel> Documents { get; init; } = [];
    public int DocumentCount { get; init; }
    public IReadOnlyList<PlaceActivityModel> HostedActivities { get; init; } = [];
    public int HostedActivityCount { get; init; }
    public IReadOnlyList<PlaceActivityModel> ParticipatedActivities { get; init; } = [];
    public ParticipationFiguresModel Participation { get; init; } = new();
    public IReadOnlyList<ScholarshipYearModel> Scholarships { get; init; } = [];
    public IReadOnlyList<CountrySpeakingModel> SpeakingEngagements { get; init; } = [];
    public int SpeakingEngagementCount { get; init; }

    public ScholarshipYearModel ScholarshipTotal => new(
        0,
        Scholarships.Sum(s => s.Awards),
        Scholarships.Sum(s => s.Women),
        Scholarships.Sum(s => s.Men),
        Scholarships.Sum(s => s.AmountUsd));
}

public sealed record CountryPortSystemModel(string Name, string? UnLocode, IReadOnlyList<PortMembershipModel> Memberships);

public sealed record PortMembershipModel(LocalizedText Programme, string PhaseLabel, int? StartYear, int? EndYear);

public sealed record CountryDocumentModel(string Slug, LocalizedText Title, DateOnly? PublishedOn, string? Source);

/// <summary>An activity as the country and partner pages list it; <see cref="Participants"/> is the figure the list is about.</summary>
public sealed record PlaceActivityModel(
    string Slug,
    LocalizedText Title,
    ActivityKind Kind,
    ActivityStatus Status,
    ActivitySchedule Schedule,
    bool IsUpcoming,
    bool IsOnline,
    string? City,
    LocalizedText HostCountry,
    int? Participants,
    PartnerRole? Role = null);

/// <summary>Links to pages other parts of the portal serve, by their URL pattern (app-relative, for Url.Content), and small formats.</summary>
public static class PlaceLinks
{
    public static string Activity(string slug) => "~/activities/" + Uri.EscapeDataString(slug);

    public static string Document(string slug) => "~/library/" + Uri.EscapeDataString(slug);

    /// <summary>"2014–2016", or "2014" for a single year.</summary>
    public static string YearRange(int from, int? to) =>
        to is { } end && end != from
            ? $"{from.ToString(CultureInfo.InvariantCulture)}–{end.ToString(CultureInfo.InvariantCulture)}"
            : from.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the records say about people from the country taking part.</summary>
public sealed class ParticipationFiguresModel
{
    /// <summary>Published activities whose participating countries include it (entered for historical ones).</summary>
    public int Activities { get; init; }

    /// <summary>Head counts entered per country, where the source gives them.</summary>
    public int EnteredParticipants { get; init; }

    /// <summary>Registrations made in the portal by people from the country (not cancelled).</summary>
    public int Registrations { get; init; }

    public int Attended { get; init; }

    /// <summary>
    /// Held webinars, courses and diplomas of the whole programme that no country can be credited with (the source
    /// gives totals only): the reason a country's count can be lower than the home page's figures suggest.
    /// </summary>
    public int HeldWithoutCountries { get; init; }

    public int HeldWithoutCountriesParticipants { get; init; }
}

public sealed record ScholarshipYearModel(int Year, int Awards, int Women, int Men, decimal AmountUsd);

public sealed record CountrySpeakingModel(LocalizedText Title, DateOnly Date, string? Organiser, bool IsOnline, int? AudienceSize);
