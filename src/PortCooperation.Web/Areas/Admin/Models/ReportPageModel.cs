using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;
using PortCooperation.Web.Services.Reports;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>The report screen: the form, the member states to choose from and, when the input is valid, the report.</summary>
public sealed class ReportPageModel
{
    public required ReportInput Input { get; init; }

    /// <summary>What the subscription form posts: it names its fields.</summary>
    public ReportSubscriptionInput SubscriptionInput { get; } = new();

    public IReadOnlyList<CountryName> MemberStates { get; init; } = [];

    /// <summary>Organisations that took part in at least one activity.</summary>
    public IReadOnlyList<ScopeChoice> Partners { get; init; } = [];

    public IReadOnlyList<ScopeChoice> Programmes { get; init; } = [];

    /// <summary>What the report shown covers, in words ("Caribbean", "Peru", an organisation's name); empty without a report.</summary>
    public string ScopeText { get; init; } = "";

    public ExecutiveReport? Report { get; init; }

    /// <summary>Query string values reproducing the report (for record links, CSV and Word).</summary>
    public Dictionary<string, string?> RouteValues { get; init; } = [];

    /// <summary>The signed-in staff member's quarterly report subscription, or null.</summary>
    public ReportSubscriptionView? Subscription { get; init; }

    public static IReadOnlyList<Region> Regions => ReportQuery.Regions;
}

/// <summary>The records behind one figure of the report.</summary>
public sealed class ReportRecordsModel
{
    public required string Set { get; init; }

    public required bool Previous { get; init; }

    public required ReportPeriod Period { get; init; }

    public LocalizedText ScopeName { get; init; } = LocalizedText.Empty;

    public int Total { get; init; }

    public IReadOnlyList<ReportRecordRow> Rows { get; init; } = [];

    public Dictionary<string, string?> RouteValues { get; init; } = [];
}

/// <summary>A table of figures with the previous period beside each, linking every value to its records.</summary>
public sealed record ReportFiguresModel(
    IReadOnlyList<Figure> Figures,
    string Caption,
    string PeriodLabel,
    string PreviousLabel,
    Dictionary<string, string?> RouteValues);

/// <summary>An organisation or programme to limit the report to.</summary>
public sealed record ScopeChoice(int Id, string Name);
