using PortCooperation.Web.Services.Reports;

namespace PortCooperation.Web.Services.Analytics;

/// <summary>Analytics days are the report's days: calendar days in the secretariat's time zone.</summary>
public static class AnalyticsClock
{
    private static readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(ReportPeriod.TimeZoneId);

    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, _zone));
}
