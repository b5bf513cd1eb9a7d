namespace PortCooperation.Web.Domain;

/// <summary>The secretariat speaking at someone else's event.</summary>
public class SpeakingEngagement : EditableEntity
{
    public string TitleEn { get; set; } = "";

    public string? TitleEs { get; set; }

    public int? OrganiserId { get; set; }

    public Organisation? Organiser { get; set; }

    /// <summary>Organiser's name when it is not an organisation on file.</summary>
    public string? OrganiserName { get; set; }

    public DateOnly Date { get; set; }

    public string? Speaker { get; set; }

    public bool IsOnline { get; set; }

    public int? AudienceSize { get; set; }

    /// <summary>Number of countries in the audience when known only as a figure.</summary>
    public int? AudienceCountryCount { get; set; }

    public string? NotesEn { get; set; }

    public string? NotesEs { get; set; }

    public bool IsDemo { get; set; }

    public ICollection<SpeakingEngagementCountry> Countries { get; } = [];
}

public class SpeakingEngagementCountry
{
    public int SpeakingEngagementId { get; set; }

    public SpeakingEngagement? SpeakingEngagement { get; set; }

    public int CountryId { get; set; }

    public Country? Country { get; set; }
}
