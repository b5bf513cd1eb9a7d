namespace PortCooperation.Web.Domain;

/// <summary>A partner: international organisation, port authority, foundation, company, university or network.</summary>
public class Organisation : EditableEntity
{
    public string Slug { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string? NameEs { get; set; }

    public string? Acronym { get; set; }

    public OrganisationType Type { get; set; }

    public int? CountryId { get; set; }

    public Country? Country { get; set; }

    public string? WebsiteUrl { get; set; }

    public string? DescriptionEn { get; set; }

    public string? DescriptionEs { get; set; }

    public bool IsDemo { get; set; }
}
