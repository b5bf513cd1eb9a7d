using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Models.Activities;

/// <summary>
/// The activities listing's GET form, bound as raw strings so that no query string can fail binding: a value that
/// does not parse (<c>?year=abc&amp;kind=999&amp;page=-1</c>) is simply ignored, as if the field were empty.
/// </summary>
public sealed class ActivityListInput
{
    [FromQuery(Name = "kind")]
    public string? Kind { get; set; }
    [FromQuery(Name = "status")]
    public string? Status { get; set; }
    [FromQuery(Name = "year")]
    public string? Year { get; set; }
    [FromQuery(Name = "language")]
    public string? Language { get; set; }
    [FromQuery(Name = "partner")]
    public string? Partner { get; set; }
    [FromQuery(Name = "country")]
    public string? Country { get; set; }
    [FromQuery(Name = "page")]
    public string? Page { get; set; }

    public ActivityFilter ToFilter() => new()
    {
        Kind = ParseEnum<ActivityKind>(Kind),
        Status = ParseEnum<ActivityStatus>(Status),
        Year = ParseInt(Year) is { } year and >= ActivityFilter.MinYear and <= ActivityFilter.MaxYear ? year : null,
        Language = Clean(Language, 8)?.ToLowerInvariant(),
        Partner = Clean(Partner, 200),
        Country = Clean(Country, 2)?.ToUpperInvariant() is { Length: 2 } code ? code : null,
        Page = ParseInt(Page) is { } page and >= 1 and <= 100_000 ? page : 1,
    };

    /// <summary>Accepts the enum's name ("Webinar", any case) or its defined number; anything else is ignored.</summary>
    public static T? ParseEnum<T>(string? value)
        where T : struct, Enum
    {
        var text = Clean(value, 32);
        return text is not null && Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
    }

    public static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private static string? Clean(string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > maxLength ? null : trimmed;
    }
}

/// <summary>The filters once parsed: null means "any".</summary>
public sealed record ActivityFilter
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    public ActivityKind? Kind { get; init; }
    public ActivityStatus? Status { get; init; }
    public int? Year { get; init; }
    public string? Language { get; init; }
    public string? Partner { get; init; }
    public string? Country { get; init; }
    public int Page { get; init; } = 1;

    public bool IsEmpty => Kind is null && Status is null && Year is null && Language is null && Partner is null && Country is null;

    /// <summary>The query string values of this filter (for paging links), without the page.</summary>
    public Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(values, "kind", Kind?.ToString());
        Add(values, "status", Status?.ToString());
        Add(values, "year", Year?.ToString(CultureInfo.InvariantCulture));
        Add(values, "language", Language);
        Add(values, "partner", Partner);
        Add(values, "country", Country);
        return values;
    }

    private static void Add(Dictionary<string, string> values, string key, string? value)
    {
        if (value is not null)
        {
            values[key] = value;
        }
    }
}
