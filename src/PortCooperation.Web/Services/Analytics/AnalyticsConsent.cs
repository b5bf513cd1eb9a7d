using System.Globalization;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Analytics;

/// <summary>
/// The one analytics cookie, set only by the visitor's own choice (POST /analytics/consent): "yes.yyyy-MM-dd" (the
/// day they agreed, so a later day's visit is "returning") or "no" (so the notice is not shown again). Page responses
/// never set it, so they stay cacheable; the notice script reads it to decide whether to offer the choice.
/// </summary>
public static class AnalyticsConsent
{
    public const string CookieName = "pc_analytics";
    public const string Declined = "no";
    private const string AcceptedPrefix = "yes.";

    public static string Accepted(DateOnly day) => AcceptedPrefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>New on the day of consent, returning on any later day, unknown without consent.</summary>
    public static VisitorKind Kind(HttpRequest request, DateOnly today)
    {
        var value = request.Cookies[CookieName];
        if (value is null || !value.StartsWith(AcceptedPrefix, StringComparison.Ordinal)
            || !DateOnly.TryParseExact(value.AsSpan(AcceptedPrefix.Length), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since))
        {
            return VisitorKind.Unknown;
        }

        return since < today ? VisitorKind.Returning : VisitorKind.New;
    }
}
