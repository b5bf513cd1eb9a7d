using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Models.Home;

/// <summary>One activity in a list: already in the reader's language and the activity's time zone.</summary>
public sealed class ActivityCardModel
{
    public int Id { get; init; }

    public string Slug { get; init; } = "";

    public LocalizedText Title { get; init; }

    public LocalizedText Summary { get; init; }

    public ActivityKind Kind { get; init; }

    public ActivityStatus Status { get; init; }

    public required ActivitySchedule Schedule { get; init; }

    /// <summary>For a postponed activity: when it was first planned.</summary>
    public ActivitySchedule? OriginalSchedule { get; init; }

    /// <summary>Why it was cancelled or postponed.</summary>
    public LocalizedText StatusReason { get; init; }

    public bool IsOnline { get; init; }

    public string? City { get; init; }

    public LocalizedText HostCountry { get; init; }

    /// <summary>ISO 639-1 code of the language the activity is delivered in.</summary>
    public string Language { get; init; } = "en";

    public IReadOnlyList<LocalizedText> Partners { get; init; } = [];

    public bool IsCancelledOrPostponed => Status is ActivityStatus.Cancelled or ActivityStatus.Postponed;
}
