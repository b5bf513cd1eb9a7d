namespace PortCooperation.Web.Models.Home;

/// <summary>Figures computed from the portal's own records, never typed in.</summary>
public sealed class KeyFiguresModel
{
    public int MemberStates { get; init; }

    /// <summary>Port systems that belong to at least one programme of the network.</summary>
    public int PortSystems { get; init; }

    public int PortSystemCountries { get; init; }

    public int DocumentsPublished { get; init; }

    /// <summary>The latest year that has scholarship awards; null when there are none.</summary>
    public int? ScholarshipYear { get; init; }

    public int Scholarships { get; init; }

    public decimal ScholarshipsUsd { get; init; }

    /// <summary>The latest year in which a webinar was held; null when none was.</summary>
    public int? WebinarYear { get; init; }

    public int Webinars { get; init; }

    public int WebinarParticipants { get; init; }
}
