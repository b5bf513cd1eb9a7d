using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Home;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Models.Activities;

/// <summary>A choice in a filter drop-down: the value sent, and the label in the reader's language.</summary>
public sealed record FilterOption(string Value, string Label);

public sealed class ActivityListViewModel
{
    /// <summary>The query as bound: it names the filter form's fields (the values shown are <see cref="Filter"/>'s).</summary>
    public ActivityListInput Input { get; set; } = new();

    public required ActivityFilter Filter { get; init; }

    /// <summary>The current page's activities that have not ended yet, soonest first.</summary>
    public IReadOnlyList<ActivityCardModel> Upcoming { get; init; } = [];

    /// <summary>The current page's past activities, most recent first.</summary>
    public IReadOnlyList<ActivityCardModel> Past { get; init; } = [];

    public int UpcomingCount { get; init; }
    public int PastCount { get; init; }
    public int TotalCount => UpcomingCount + PastCount;
    public int Page { get; init; } = 1;
    public int PageCount { get; init; } = 1;

    public IReadOnlyList<int> Years { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public IReadOnlyList<FilterOption> Partners { get; init; } = [];
    public IReadOnlyList<FilterOption> Countries { get; init; } = [];
}

/// <summary>An activity placed on a day of the month calendar.</summary>
public sealed record CalendarEntry(string Slug, LocalizedText Title, ActivityKind Kind, ActivityStatus Status, ActivitySchedule Schedule, DateOnly LocalStart, DateOnly LocalEnd);

public sealed class ActivityCalendarViewModel
{
    public int Year { get; init; }
    public int Month { get; init; }
    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly Today { get; init; }

    /// <summary>Activities starting on each day of the month (in their own time zone).</summary>
    public IReadOnlyDictionary<DateOnly, List<CalendarEntry>> ByDay { get; init; } = new Dictionary<DateOnly, List<CalendarEntry>>();

    /// <summary>Activities that started before this month and are still running in it (long courses).</summary>
    public IReadOnlyList<CalendarEntry> Continuing { get; init; } = [];

    public int Count => ByDay.Values.Sum(d => d.Count);
}

public sealed record PartnerLink(string Slug, LocalizedText Name, PartnerRole Role);

public sealed class ActivityDetailViewModel
{
    public int Id { get; init; }
    public string Slug { get; init; } = "";
    public LocalizedText Title { get; init; }
    public LocalizedText Summary { get; init; }
    public LocalizedText Description { get; init; }
    public ActivityKind Kind { get; init; }
    public ActivityStatus Status { get; init; }
    public string Language { get; init; } = "en";
    public required ActivitySchedule Schedule { get; init; }

    /// <summary>The same moment in UTC, for readers elsewhere (shown under the local time).</summary>
    public required string WhenUtc { get; init; }

    /// <summary>ISO 8601 UTC start and end, for the visitor-zone script and &lt;time datetime&gt;.</summary>
    public required string StartUtcIso { get; init; }
    public required string EndUtcIso { get; init; }
    public bool IsAllDay { get; init; }
    public ActivitySchedule? OriginalSchedule { get; init; }
    public LocalizedText StatusReason { get; init; }
    public bool IsOnline { get; init; }
    public string? Venue { get; init; }
    public string? City { get; init; }
    public LocalizedText HostCountry { get; init; }
    public string? HostCountryCode { get; init; }
    public IReadOnlyList<PartnerLink> Partners { get; init; } = [];
    public bool IsPast { get; init; }
    public int? ReportedParticipants { get; init; }
    public int? ReportedMemberStates { get; init; }
    public IReadOnlyList<LocalizedText> ParticipatingCountries { get; init; } = [];

    /// <summary>How many of <see cref="ParticipatingCountries"/> are member states (the others are countries represented too).</summary>
    public int ParticipatingMemberStates { get; init; }

    /// <summary>Countries (member states or not) of those who attended, or of the countries entered; null when unknown.</summary>
    public int? CountriesRepresented { get; init; }
    public bool RegistrationOpen { get; init; }

    /// <summary>Every place is taken: registering now means the waiting list, or is not possible without one.</summary>
    public bool IsFull { get; init; }

    public bool WaitingListEnabled { get; init; }
    public DateTime? RegistrationClosesAtUtc { get; init; }
    public ActivitySchedule? RegistrationCloses { get; init; }
}
