using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Models.Registrations;

/// <summary>The registration page: the activity, whether and how one can register, the country list and the input.</summary>
public sealed class RegistrationPageModel
{
    public required RegistrationActivityModel Activity { get; init; }

    public required IReadOnlyList<CountryOption> Countries { get; init; }

    public RegistrationInput Input { get; set; } = new();

    public string PrivacyNoticeVersion { get; init; } = "";
}

public sealed class RegistrationActivityModel
{
    public int Id { get; init; }
    public string Slug { get; init; } = "";
    public LocalizedText Title { get; init; }
    public ActivityKind Kind { get; init; }
    public ActivitySchedule Schedule { get; init; } = new("", "", "");
    public bool IsOnline { get; init; }
    public string? Place { get; init; }
    public bool IsOpen { get; init; }
    public bool RegistrationEnabled { get; init; }
    public bool NotYetOpen { get; init; }
    public DateTime? ClosesAtUtc { get; init; }
    public int? Capacity { get; init; }
    public int PlacesTaken { get; init; }
    public bool WaitingListEnabled { get; init; }
    public bool RequiresApproval { get; init; }

    public bool IsFull => Capacity is { } capacity && PlacesTaken >= capacity;

    /// <summary>Open, and either a place or a waiting list is there.</summary>
    public bool AcceptsRegistrations => IsOpen && (!IsFull || WaitingListEnabled);
}

public sealed record CountryOption(string Code, string Name, bool IsMemberState);

/// <summary>What the page after a post says (post/redirect/get).</summary>
public enum RegistrationDoneOutcome
{
    Confirmed,
    Pending,
    Waitlisted,
    Existing,
    Full,
    Closed,
}

public sealed class RegistrationDoneModel
{
    public required RegistrationActivityModel Activity { get; init; }

    public RegistrationDoneOutcome Outcome { get; init; }
}
