using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Reports;

/// <summary>
/// What the report covers: everything, one region, one member state (ISO 3166-1 alpha-2 code), one partner
/// organisation (what it took part in) or one programme (what its lead organisation took part in, and the scholarships
/// awarded for it). At most one of the four is set.
/// </summary>
public sealed record ReportScope(Region? Region = null, string? CountryCode = null, int? PartnerId = null, int? ProgrammeId = null)
{
    public static ReportScope Everything { get; } = new();

    public bool IsEverything => Region is null && CountryCode is null && PartnerId is null && ProgrammeId is null;

    /// <summary>A scope by organisation rather than by place: page views cannot be limited to it.</summary>
    public bool IsByOrganisation => PartnerId is not null || ProgrammeId is not null;

    /// <summary>The ASCII suffix of download names: "all", "caribbean", "pe", "partner-12", "programme-3".</summary>
    public string FileSuffix =>
        (CountryCode ?? Region?.ToString()
            ?? (PartnerId is { } partner ? $"partner-{partner}" : ProgrammeId is { } programme ? $"programme-{programme}" : "all"))
        .ToLowerInvariant();
}
