using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Reports;

/// <summary>
/// One figure of the report with the previous period's value beside it. <see cref="Key"/> is stable ("scholarships.usd"):
/// it names the label resource (<c>Report_Figure_scholarships_usd</c>), the CSV row and the records behind the figure.
/// A value known only as a minimum carries its "at least" flag wherever it is written (screen, Word, CSV, mail); a
/// figure whose previous value would not measure the same thing has <see cref="IsComparable"/> false and shows none.
/// </summary>
public sealed record Figure(string Key, decimal Current, decimal Previous, bool IsMoney = false)
{
    public bool CurrentIsAtLeast { get; init; }

    public bool PreviousIsAtLeast { get; init; }

    public bool IsComparable { get; init; } = true;

    /// <summary>True when either value is a minimum: the change between them is then not a measured change.</summary>
    public bool IsAtLeast => CurrentIsAtLeast || PreviousIsAtLeast;

    /// <summary>The set of records the figure counts (the part of the key before the dot), listed by the Records page.</summary>
    public string RecordSet => Key[..Key.IndexOf('.', StringComparison.Ordinal)];

    public string ResourceKey => "Report_Figure_" + Key.Replace('.', '_');

    public decimal Change => Current - Previous;
}

/// <summary>The executive report for one period and scope, every figure paired with the previous period's.</summary>
public sealed class ExecutiveReport
{
    public required ReportPeriod Period { get; init; }

    public required ReportScope Scope { get; init; }

    /// <summary>Name of the member state, partner organisation or programme the report is limited to; empty otherwise.</summary>
    public LocalizedText ScopeName { get; init; } = LocalizedText.Empty;

    public DateTime GeneratedAtUtc { get; init; }

    public IReadOnlyList<Figure> Scholarships { get; init; } = [];

    public IReadOnlyList<Figure> Changes { get; init; } = [];

    public IReadOnlyList<ChangedActivityRow> ChangedActivities { get; init; } = [];

    public IReadOnlyList<Figure> Documents { get; init; } = [];

    /// <summary>Documents added by source kind and region (international documents have no region).</summary>
    public IReadOnlyList<BreakdownRow> DocumentsBySource { get; init; } = [];

    public IReadOnlyList<BreakdownRow> DocumentsByTopic { get; init; } = [];

    public UsageSection Usage { get; init; } = new();

    public ActivitySection Webinars { get; init; } = new();

    public ActivitySection Courses { get; init; } = new();

    public IReadOnlyList<Figure> Speaking { get; init; } = [];

    public IReadOnlyList<SpeakingRow> SpeakingEngagements { get; init; } = [];

    public IReadOnlyList<Figure> Planned { get; init; } = [];

    public IReadOnlyList<PlannedRow> PlannedActivities { get; init; } = [];

    /// <summary>What the report cannot count until staff fix it: past activities still planned, held ones without participation.</summary>
    public IReadOnlyList<ReportWarning> Warnings { get; init; } = [];

    /// <summary>True when any figure of the report is known only as a minimum.</summary>
    public bool HasLowerBounds => AllFigures().Any(f => f.Figure.IsAtLeast);

    /// <summary>
    /// The sections of the report in their one order, numbered. The screen, the Word document, the CSV and the
    /// quarterly mail all write these, so a section is added or moved here and nowhere else.
    /// </summary>
    public IReadOnlyList<ReportSection> Sections =>
    [
        new(1, ReportSection.Scholarships, Scholarships, Period, Period.Previous),
        new(2, ReportSection.Changes, Changes, Period, Period.Previous),
        new(3, ReportSection.Documents, Documents, Period, Period.Previous),
        // Page views stay out of the mail's summary; the attached document and the screen have them.
        new(4, ReportSection.Usage, Usage.Figures, Period, Period.Previous) { InMail = false },
        new(5, ReportSection.Webinars, Webinars.Figures, Period, Period.Previous),
        new(6, ReportSection.Courses, Courses.Figures, Period, Period.Previous),
        new(7, ReportSection.Speaking, Speaking, Period, Period.Previous),
        // The plans for the next period, beside this period's.
        new(8, ReportSection.Planned, Planned, Period.Next, Period),
    ];

    /// <summary>Every figure of the report in reading order, with the key of its section.</summary>
    public IEnumerable<(string Section, Figure Figure)> AllFigures() =>
        Sections.SelectMany(s => s.Figures.Select(f => (s.Key, f)));
}

/// <summary>
/// One numbered section of the executive report: its stable key (the screen's anchor, the CSV's section column), its
/// heading resource, its figures and the two periods its figure columns compare.
/// </summary>
public sealed record ReportSection(int Number, string Key, IReadOnlyList<Figure> Figures, ReportPeriod Shown, ReportPeriod ComparedWith)
{
    public const string Scholarships = "scholarships";
    public const string Changes = "changes";
    public const string Documents = "documents";
    public const string Usage = "usage";
    public const string Webinars = "webinars";
    public const string Courses = "courses";
    public const string Speaking = "speaking";
    public const string Planned = "planned";

    /// <summary>False for a section the quarterly mail's summary leaves out.</summary>
    public bool InMail { get; init; } = true;

    /// <summary>"Report_Section_Scholarships", …; the planned section's heading names the period it plans.</summary>
    public string HeadingKey => "Report_Section_" + char.ToUpperInvariant(Key[0]) + Key[1..];

    /// <summary>The arguments of the heading resource in <paramref name="culture"/>.</summary>
    public object[] HeadingArguments(System.Globalization.CultureInfo culture) => Key == Planned ? [Shown.Label(culture)] : [];
}

/// <summary>A count by one category (source and region, or topic) in this period and the previous one.</summary>
public sealed record BreakdownRow(string Key, LocalizedText Label, int Current, int Previous);

public sealed class UsageSection
{
    /// <summary>True for a partner or programme report: page views have no organisation, so the section is not limited and not shown.</summary>
    public bool NotScoped { get; init; }

    /// <summary>False while the portal has recorded no page view at all: the section then says so instead of showing zeros.</summary>
    public bool HasAnalytics { get; init; }

    public DateTime? FirstRecordedUtc { get; init; }

    public IReadOnlyList<Figure> Figures { get; init; } = [];

    public IReadOnlyList<BreakdownRow> TopPages { get; init; } = [];
}

public sealed class ActivitySection
{
    public IReadOnlyList<Figure> Figures { get; init; } = [];

    public IReadOnlyList<HeldActivityRow> Activities { get; init; } = [];

    /// <summary>Held activities of the period with neither an entered total nor attendance recorded.</summary>
    public int WithoutParticipants { get; init; }

    /// <summary>True when member states are known only as per-activity totals, so the distinct count is a lower bound.</summary>
    public bool MemberStatesIsLowerBound => Figures.Any(f => f.IsAtLeast);
}

public sealed record CountryName(string Code, LocalizedText Name, bool IsMemberState);

public sealed record HeldActivityRow(
    string Slug,
    ActivityKind Kind,
    LocalizedText Title,
    ActivitySchedule Schedule,
    IReadOnlyList<LocalizedText> Partners,
    int? Participants,
    int? MemberStates,
    IReadOnlyList<CountryName> Countries);

/// <param name="IsDueNextPeriod">Announced now but due in the next period: listed here, counted in that period's report.</param>
public sealed record ChangedActivityRow(
    bool IsDueNextPeriod,
    string Slug,
    ActivityKind Kind,
    ActivityStatus Status,
    LocalizedText Title,
    LocalizedText Reason,
    ActivitySchedule Schedule,
    ActivitySchedule? OriginalSchedule,
    string? City,
    LocalizedText HostCountry,
    IReadOnlyList<LocalizedText> Partners);

public sealed record SpeakingRow(
    DateOnly Date,
    LocalizedText Title,
    LocalizedText Organiser,
    string? Speaker,
    int? AudienceSize,
    int? AudienceCountries);

public sealed record PlannedRow(
    string Slug,
    ActivityKind Kind,
    ActivityStatus Status,
    LocalizedText Title,
    ActivitySchedule Schedule,
    IReadOnlyList<LocalizedText> Partners);

/// <summary>One counted record on the records page: what it is, when, where, a figure, and its public address when it has one.</summary>
public sealed record ReportRecordRow(string Title, string? Language, string When, string? Detail, string? Figure, string? Url);

/// <summary>An activity the report cannot count as it stands, with the staff page where it is fixed.</summary>
public sealed record ReportWarning(ReportWarningKind Kind, int ActivityId, string Slug, LocalizedText Title, ActivitySchedule Schedule, bool HasRegistrations);

public enum ReportWarningKind
{
    /// <summary>Its dates are past and it is still marked planned: it is in no figure until marked held, cancelled or postponed.</summary>
    PastStillPlanned,

    /// <summary>Held, but with no participant total, no country and nobody marked as attended.</summary>
    HeldWithoutParticipation,
}
