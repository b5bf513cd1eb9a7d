using Microsoft.AspNetCore.Mvc.Rendering;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Models;

public sealed class ActivityListPage
{
    public required ActivityListFilter Filter { get; init; }

    public required Paged<ActivityListRow> Rows { get; init; }

    public DateTime Now { get; init; }
}

/// <summary>The create/edit form: the input, the choices of its lists, and for an edit the record's state and actions.</summary>
public sealed class ActivityEditPage
{
    public int? Id { get; init; }

    public required ActivityInput Input { get; init; }

    /// <summary>What the status and publication side forms post: it names their fields.</summary>
    public ActivityStatusInput StatusInput { get; } = new();

    public ActivityStateModel? State { get; init; }

    public IReadOnlyList<SelectListItem> Countries { get; init; } = [];

    public IReadOnlyList<SelectListItem> Organisations { get; init; } = [];

    /// <summary>For a refused stale save: field → the value saved meanwhile.</summary>
    public IReadOnlyDictionary<string, string> Conflicts { get; init; } = new Dictionary<string, string>();

    public string? ConflictBy { get; init; }

    public DateTime? ConflictAt { get; init; }

    public string? Message { get; init; }
}

public sealed record ActivityStateModel(
    ActivityStatus Status, PublicationState PublicationState, DateTime? PublishAtUtc, DateTime? PublishedAtUtc,
    DateTime? OriginalStartsAtUtc, DateTime? OriginalEndsAtUtc, string? StatusReasonEn, string? StatusReasonEs,
    string TimeZoneId, int Registrations, int Awards, DateTime Now, string Slug = "")
{
    public bool IsScheduled => PublicationState == PublicationState.Published && PublishAtUtc > Now;

    public bool IsLive => PublicationState == PublicationState.Published && !IsScheduled;
}
