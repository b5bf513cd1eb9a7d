using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Models.Library;

public enum LibrarySort
{
    Relevance = 0,
    Newest = 1,
    Title = 2,
}

/// <summary>
/// The library's GET form: search words, any number of values per facet (checkboxes: a document matches a facet
/// when it has one of the ticked values, and every facet with ticked values must match), sort and page. Values
/// that cannot be bound or break a rule make the request a 400; values that match nothing simply find nothing.
/// </summary>
public sealed partial class LibraryQuery : IValidatableObject
{
    /// <summary>More ticked values than any facet has is not a visitor's request.</summary>
    public const int MaxValuesPerFacet = 60;

    [StringLength(200)]
    [BindProperty(Name = "q")]
    public string? Q { get; set; }

    public List<Region> Region { get; set; } = [];

    public List<string> Country { get; set => field = Present(value); } = [];

    public List<SourceKind> Kind { get; set; } = [];

    public List<string> Source { get; set => field = Present(value); } = [];

    public List<string> Topic { get; set => field = Present(value); } = [];

    public List<string> Language { get; set => field = Present(value); } = [];

    public List<int> Year { get; set; } = [];

    [BindNever]
    public LibrarySort? Sort { get; set; }

    /// <summary>The sort as sent (?sort=title): a value the page does not know falls back to the default order.</summary>
    [BindProperty(Name = "sort")]
    [ValidateNever]
    public string? SortValue
    {
        get => Sort?.ToString().ToLowerInvariant();
        set => Sort = Enum.TryParse<LibrarySort>(value, ignoreCase: true, out var sort) && Enum.IsDefined(sort) && !value!.Trim().All(char.IsAsciiDigit) ? sort : null;
    }

    [Range(1, 100000)]
    public int Page { get; set; } = 1;

    /// <summary>The country codes, upper case and distinct.</summary>
    [ValidateNever]
    public IReadOnlyList<string> CountryCodes => [.. Country.Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal)];

    [ValidateNever]
    public bool HasFilters => Region.Count + Country.Count + Kind.Count + Source.Count + Topic.Count + Language.Count + Year.Count > 0;

    /// <summary>Relevance only means something while searching; otherwise the newest come first.</summary>
    public LibrarySort EffectiveSort(bool searching) =>
        Sort switch
        {
            null => searching ? LibrarySort.Relevance : LibrarySort.Newest,
            LibrarySort.Relevance when !searching => LibrarySort.Newest,
            { } sort => sort,
        };

    /// <summary>The query string values of each facet, in the facets' query-string names.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FacetValues() => new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["region"] = [.. Region.Distinct().Select(r => r.ToString())],
        ["country"] = CountryCodes,
        ["kind"] = [.. Kind.Distinct().Select(k => k.ToString())],
        ["source"] = [.. Source.Distinct(StringComparer.Ordinal)],
        ["topic"] = [.. Topic.Distinct(StringComparer.Ordinal)],
        ["language"] = [.. Language.Distinct(StringComparer.Ordinal)],
        ["year"] = [.. Year.Distinct().Select(y => y.ToString(CultureInfo.InvariantCulture))],
    };

    /// <summary>This query with one more ticked value of a facet (the search's "Filter by Peru" links).</summary>
    public Microsoft.AspNetCore.Routing.RouteValueDictionary WithAdded(string facet, string value)
    {
        var values = With();
        values[facet] = values.TryGetValue(facet, out var known) && known is string[] ticked ? [.. ticked, value] : new[] { value };
        return values;
    }

    /// <summary>
    /// The route values of this query (repeated keys for several values of a facet), optionally without one
    /// facet value (or all of a facet's values when <paramref name="value"/> is null), page reset unless given.
    /// </summary>
    public Microsoft.AspNetCore.Routing.RouteValueDictionary With(string? removeFacet = null, string? value = null, int? page = null, bool keepSort = true)
    {
        var values = new Microsoft.AspNetCore.Routing.RouteValueDictionary();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            values["q"] = Q;
        }

        foreach (var (name, selected) in FacetValues())
        {
            var kept = selected.Where(v => !string.Equals(name, removeFacet, StringComparison.OrdinalIgnoreCase) || (value is not null && v != value)).ToArray();
            if (kept.Length > 0)
            {
                values[name] = kept;
            }
        }

        if (keepSort && Sort is { } sort)
        {
            values["sort"] = sort.ToString().ToLowerInvariant();
        }

        if (page is > 1)
        {
            values["page"] = page.Value.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var lists = new (string Name, int Count)[] { ("region", Region.Count), ("country", Country.Count), ("kind", Kind.Count), ("source", Source.Count), ("topic", Topic.Count), ("language", Language.Count), ("year", Year.Count) };
        foreach (var (name, count) in lists.Where(l => l.Count > MaxValuesPerFacet))
        {
            yield return new ValidationResult($"Too many values for {name}.", [name]);
        }

        if (Country.Any(c => c is null || !CountryCode().IsMatch(c)))
        {
            yield return new ValidationResult("A country is a two-letter code.", [nameof(Country)]);
        }

        if (Source.Concat(Topic).Any(s => s is null || s.Length > 160 || !SlugText().IsMatch(s)))
        {
            yield return new ValidationResult("Sources and topics are slugs.", [nameof(Source)]);
        }

        if (Language.Any(l => l is null || !LanguageCode().IsMatch(l)))
        {
            yield return new ValidationResult("A language is a two- or three-letter code.", [nameof(Language)]);
        }

        if (Year.Any(y => y is < 1900 or > 2200))
        {
            yield return new ValidationResult("Years run from 1900 to 2200.", [nameof(Year)]);
        }
    }

    /// <summary>An empty value ("?country=", what a cleared field sends) filters nothing.</summary>
    private static List<string> Present(List<string>? values) => [.. (values ?? []).Where(v => !string.IsNullOrEmpty(v))];

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex SlugText();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
