using System.ComponentModel.DataAnnotations;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Models.Library;

public enum LibrarySort
{
    Relevance = 0,
    Newest = 1,
    Title = 2,
}

/// <summary>
/// The library's GET form: search words, one value per facet, sort and page. Values that cannot be bound or
/// break a rule make the request a 400; values that match nothing simply find nothing.
/// </summary>
public sealed class LibraryQuery
{
    [StringLength(200)]
    public string? Q { get; set; }

    public Region? Region { get; set; }

    [RegularExpression("^[A-Za-z]{2}$")]
    public string? Country { get; set; }

    public SourceKind? Kind { get; set; }

    [StringLength(160)]
    [RegularExpression("^[a-z0-9-]+$")]
    public string? Source { get; set; }

    [StringLength(160)]
    [RegularExpression("^[a-z0-9-]+$")]
    public string? Topic { get; set; }

    [RegularExpression("^[a-z]{2,3}$")]
    public string? Language { get; set; }

    [Range(1900, 2200)]
    public int? Year { get; set; }

    public LibrarySort? Sort { get; set; }

    [Range(1, 100000)]
    public int Page { get; set; } = 1;

    /// <summary>Relevance only means something while searching; otherwise the newest come first.</summary>
    public LibrarySort EffectiveSort(bool searching) =>
        Sort switch
        {
            null => searching ? LibrarySort.Relevance : LibrarySort.Newest,
            LibrarySort.Relevance when !searching => LibrarySort.Newest,
            { } sort => sort,
        };

    /// <summary>The route values of this query with one facet changed (null removes it) and the page reset.</summary>
    public Dictionary<string, string?> With(string? name = null, string? value = null, int? page = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
            ["region"] = Region?.ToString(),
            ["country"] = Country?.ToUpperInvariant(),
            ["kind"] = Kind?.ToString(),
            ["source"] = Source,
            ["topic"] = Topic,
            ["language"] = Language,
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = Sort?.ToString().ToLowerInvariant(),
        };
        if (name is not null)
        {
            values[name] = value;
        }

        if (page is > 1)
        {
            values["page"] = page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);
    }
}
