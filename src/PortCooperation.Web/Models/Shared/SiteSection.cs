namespace PortCooperation.Web.Models.Shared;

/// <summary>
/// A top-level section of the public site. The header shows a section only once its controller exists:
/// link generation returns null for an action that is not there, so no link ever leads to a 404.
/// </summary>
public sealed record SiteSection(string Controller, string LabelKey)
{
    public static IReadOnlyList<SiteSection> All { get; } =
    [
        new("Activities", "Nav_Activities"),
        new("Library", "Nav_Library"),
        new("MemberStates", "Nav_MemberStates"),
        new("PortNetwork", "Nav_PortNetwork"),
        new("Statistics", "Nav_Statistics"),
        new("Partners", "Partners_Nav"),
    ];

    /// <summary>The privacy notice, linked from the footer when its page exists.</summary>
    public static SiteSection Privacy { get; } = new("Privacy", "Footer_Privacy");
}
