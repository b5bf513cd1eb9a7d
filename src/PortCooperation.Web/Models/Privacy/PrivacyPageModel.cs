namespace PortCooperation.Web.Models.Privacy;

public sealed class PrivacyPageModel
{
    public string Version { get; init; } = "";

    public int RetentionDays { get; init; }

    public string Contact { get; init; } = "";
}
