namespace PortCooperation.Web.Domain;

/// <summary>A regional programme that links port systems, e.g. SELA's Digital and Collaborative Ports Network.</summary>
public class Programme : EditableEntity
{
    public string Slug { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string? NameEs { get; set; }

    public string? DescriptionEn { get; set; }

    public string? DescriptionEs { get; set; }

    public int? LeadOrganisationId { get; set; }

    public Organisation? LeadOrganisation { get; set; }

    public ICollection<ProgrammePhase> Phases { get; } = [];

    public ICollection<ProgrammeMembership> Memberships { get; } = [];
}

/// <summary>A phase of a programme; <see cref="Label"/> is how the source names it ("I–II", "III").</summary>
public class ProgrammePhase : EditableEntity
{
    public int ProgrammeId { get; set; }

    public Programme? Programme { get; set; }

    public int Sequence { get; set; }

    public string Label { get; set; } = "";

    public int? StartYear { get; set; }

    public int? EndYear { get; set; }

    public string? DescriptionEn { get; set; }

    public string? DescriptionEs { get; set; }
}

/// <summary>A national port system (one port or a port complex) in a country.</summary>
public class PortSystem : EditableEntity
{
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public int CountryId { get; set; }

    public Country? Country { get; set; }

    /// <summary>UN/LOCODE such as "PECLL"; optional because not every system maps to one code.</summary>
    public string? UnLocode { get; set; }

    public ICollection<ProgrammeMembership> Memberships { get; } = [];
}

/// <summary>A port system's link to a programme and the phase in which it joined.</summary>
public class ProgrammeMembership : EditableEntity
{
    public int ProgrammeId { get; set; }

    public Programme? Programme { get; set; }

    public int PortSystemId { get; set; }

    public PortSystem? PortSystem { get; set; }

    public int PhaseId { get; set; }

    public ProgrammePhase? Phase { get; set; }
}
