using Microsoft.AspNetCore.Mvc;
using PortCooperation.Web.Services.Analytics;
using PortCooperation.Web.Services.Reports;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>The analytics form (GET): a period of whole days; missing dates mean the last 30 days.</summary>
public sealed class AnalyticsInput
{
    public const int MaxDays = 3700;

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    /// <summary>The period asked for, or null with <paramref name="error"/> naming the resource key of the problem.</summary>
    public ReportPeriod? Resolve(DateOnly today, out string? error)
    {
        error = null;
        var to = To ?? (From is { } from && from > today ? from : today);
        var start = From ?? to.AddDays(-29);
        if (start > to)
        {
            error = "Analytics_Error_Order";
            return null;
        }

        if (to.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            error = "Analytics_Error_TooLong";
            return null;
        }

        From = start;
        To = to;
        return new ReportPeriod(start, to);
    }
}

public sealed class AnalyticsPageModel
{
    public required AnalyticsInput Input { get; init; }

    public string? Error { get; init; }

    public AnalyticsSummary? Summary { get; init; }
}
