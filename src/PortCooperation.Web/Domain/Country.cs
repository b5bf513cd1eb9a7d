namespace PortCooperation.Web.Domain;

/// <summary>A country by ISO 3166-1 alpha-2 code; non-members are kept because participants come from them.</summary>
public class Country : EditableEntity
{
    public string Code { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string NameEs { get; set; } = "";

    public bool IsMemberState { get; set; }

    public Region Region { get; set; }

    public ICollection<PortSystem> PortSystems { get; } = [];
}
