using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Reports;

/// <summary>What the report covers: everything, one region, or one member state (ISO 3166-1 alpha-2 code).</summary>
public sealed record ReportScope(Region? Region = null, string? CountryCode = null)
{
    public static ReportScope Everything { get; } = new();

    public bool IsEverything => Region is null && CountryCode is null;
}
