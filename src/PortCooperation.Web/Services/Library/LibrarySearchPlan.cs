using System.Globalization;
using System.Text.RegularExpressions;

namespace PortCooperation.Web.Services.Library;

/// <summary>A country, source organisation or topic named in a search, in the facet's query-string terms.</summary>
public sealed record NamedFacet(string Facet, int Id, string Key, FacetName Name);

/// <summary>
/// One condition of a search: a document meets it when it carries one of <see cref="Facets"/> (it is about that
/// country, organisation or topic) or when its text holds every word of one of <see cref="Alternatives"/>.
/// </summary>
public sealed class LibrarySearchGroup(IReadOnlyList<NamedFacet> facets, IReadOnlyList<IReadOnlyList<string>> alternatives)
{
    public IReadOnlyList<NamedFacet> Facets { get; } = facets;

    /// <summary>Word lists (lower case, accents removed, letters and digits only); any one of them satisfies the group.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; } = alternatives;

    /// <summary>FTS5 MATCH expression: any alternative, each with all its words (as a word or the start of one).</summary>
    public string ToFts5Match() => string.Join(" OR ", Alternatives.Select(a => "(" + string.Join(' ', a.Select(t => t.Length > 1 ? $"\"{t}\"*" : $"\"{t}\"")) + ")"));

    /// <summary>to_tsquery('simple', …) expression with the meaning of <see cref="ToFts5Match"/>.</summary>
    public string ToTsQuery() => string.Join(" | ", Alternatives.Select(a => "(" + string.Join(" & ", a.Select(t => t.Length > 1 ? t + ":*" : t)) + ")"));

    public bool IsTagged(LibraryFacetSnapshot snapshot, int position)
    {
        foreach (var facet in Facets)
        {
            switch (facet.Facet)
            {
                case "country" when snapshot.Country[position] == facet.Id:
                case "source" when snapshot.Source[position] == facet.Id:
                    return true;
                case "topic":
                    for (var t = snapshot.TopicStart[position]; t < snapshot.TopicStart[position + 1]; t++)
                    {
                        if (snapshot.TopicIds[t] == facet.Id)
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }
}

/// <summary>
/// A search as officials type it: a country (its name in English or Spanish, with or without accents, or its ISO
/// code: "Peru", "Perú", "PE", "PER"), a source organisation (name or acronym) or a topic ("COVID-19", "covid")
/// named in the words becomes a group that a document meets by being filed under it or by naming it in its text;
/// the other words form one more group that the text must hold (every word, as before). A document matches when it
/// meets every group. Without any named facet the plan is the plain search of all the words.
/// <para>
/// Names are matched in memory against the facet snapshot's names (a few hundred), so this adds no SQL command.
/// Codes of two or three letters count as a country only when typed in capitals ("PE") or alone ("pe"): "us", "do"
/// or "es" in a sentence are words.
/// </para>
/// </summary>
public sealed partial class LibrarySearchPlan
{
    private LibrarySearchPlan(LibrarySearchText search, IReadOnlyList<LibrarySearchGroup> groups)
    {
        Search = search;
        Groups = groups;
    }

    public LibrarySearchText Search { get; }

    public IReadOnlyList<LibrarySearchGroup> Groups { get; }

    public IReadOnlyList<NamedFacet> Named => [.. Groups.SelectMany(g => g.Facets)];

    public bool NamesFacets => Groups.Any(g => g.Facets.Count > 0);

    /// <summary>
    /// FTS5 expression for ranking: the documents whose text meets every group (a subset of the matches, so ranking
    /// never reads more rows than the search found); those met by a facet without the text rank by that alone.
    /// </summary>
    public string ToFts5RankMatch() => NamesFacets ? string.Join(" AND ", Groups.Select(g => "(" + g.ToFts5Match() + ")")) : Search.ToFts5Match();

    /// <summary>to_tsquery expression for ranking, as <see cref="ToFts5RankMatch"/>.</summary>
    public string ToTsRankQuery() => NamesFacets ? string.Join(" & ", Groups.Select(g => "(" + g.ToTsQuery() + ")")) : Search.ToTsQuery();

    /// <summary>
    /// What decides the matches and their ranks, the same for every way of typing the same search: the groups (their
    /// facets and words) and the ranked words; <paramref name="ranked"/> when the results are sorted by relevance.
    /// </summary>
    public string CacheKey(bool ranked) =>
        (ranked ? "r|" : "u|") + Search.ToFts5Match() + "|" + string.Join("|", Groups.Select(g =>
            string.Join(",", g.Facets.Select(f => f.Facet + ":" + f.Id)) + "=" + g.ToFts5Match()));

    public static LibrarySearchPlan Create(LibrarySearchText search, string? typed, LibraryFacetSnapshot snapshot)
    {
        var available = new List<string>(search.Terms);
        var groups = new List<(HashSet<string> Words, List<NamedFacet> Facets, List<IReadOnlyList<string>> Alternatives)>();

        void Add(IEnumerable<string> consumed, NamedFacet facet, IEnumerable<IReadOnlyList<string>> alternatives)
        {
            var words = consumed.ToHashSet(StringComparer.Ordinal);
            var group = groups.FirstOrDefault(g => g.Words.SetEquals(words));
            if (group.Words is null)
            {
                group = (words, [], []);
                groups.Add(group);
            }

            if (!group.Facets.Any(f => f.Facet == facet.Facet && f.Id == facet.Id))
            {
                group.Facets.Add(facet);
            }

            foreach (var alternative in alternatives.Where(a => a.Count > 0))
            {
                if (!group.Alternatives.Any(a => a.SequenceEqual(alternative)))
                {
                    group.Alternatives.Add(alternative);
                }
            }
        }

        // Names, longest first, so "Dominican Republic" is one country and "Port security" one topic. The digits of
        // a name ("19" of "COVID-19") are optional, unless the search has digits of its own ("Country 7" is not
        // "Country 1"); typed, they go with the name.
        var typedDigits = search.Terms.Any(t => t.All(char.IsAsciiDigit));
        foreach (var name in snapshot.SearchNames.Names)
        {
            if (typedDigits && name.Digits.Length > 0 && !name.Digits.All(d => search.Terms.Contains(d, StringComparer.Ordinal)))
            {
                continue;
            }

            var consumed = name.Significant.Concat(name.Digits.Where(d => search.Terms.Contains(d, StringComparer.Ordinal))).ToList();
            var sameWords = groups.Any(g => g.Words.SetEquals(consumed));
            if (sameWords || consumed.All(w => available.Contains(w, StringComparer.Ordinal)))
            {
                available.RemoveAll(consumed.Contains);
                Add(consumed, name.Facet, name.Alternatives);
            }
        }

        // Codes and acronyms: ISO 3166 alpha-2 or alpha-3 of a country, an organisation's acronym.
        var capitals = typed is null ? [] : Word().Matches(typed).Select(m => m.Value).Where(w => w.Length <= 5 && w.All(char.IsUpper)).Select(LibrarySearchText.Fold).ToHashSet(StringComparer.Ordinal);
        foreach (var term in available.ToList())
        {
            var alone = search.Terms.Count == 1;
            foreach (var code in snapshot.SearchNames.Codes.Where(c => c.Text == term && (capitals.Contains(term) || alone || c.Text.Length > 3)))
            {
                available.Remove(term);
                Add([term], code.Facet, code.Alternatives);
            }
        }

        if (groups.Count == 0)
        {
            return new LibrarySearchPlan(search, [new LibrarySearchGroup([], [search.Terms])]);
        }

        // Words typed after a name that are only digits ("Peru 19") stay ordinary words.
        List<LibrarySearchGroup> result = [.. groups.Select(g => new LibrarySearchGroup(g.Facets, g.Alternatives))];
        if (available.Count > 0)
        {
            result.Add(new LibrarySearchGroup([], [available]));
        }

        return new LibrarySearchPlan(search, result);
    }

    [GeneratedRegex(@"[\p{L}\p{Mn}\p{N}]+")]
    internal static partial Regex Word();
}

/// <summary>
/// The names a search can mention, read once per facet snapshot: each country's, organisation's and topic's names
/// in both languages as folded words, and the codes (ISO alpha-2 and alpha-3, acronyms).
/// </summary>
public sealed class LibrarySearchNames
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "of", "for", "in", "on", "to", "y", "e", "de", "del", "la", "las", "el", "los", "en", "para", "por",
    };

    public sealed record Name(NamedFacet Facet, string[] Significant, string[] Digits, IReadOnlyList<string>[] Alternatives);

    public sealed record Code(NamedFacet Facet, string Text, IReadOnlyList<string>[] Alternatives);

    /// <summary>Longest names first.</summary>
    public IReadOnlyList<Name> Names { get; private init; } = [];

    public IReadOnlyList<Code> Codes { get; private init; } = [];

    internal static LibrarySearchNames From(LibraryFacetSnapshot snapshot, IReadOnlyDictionary<int, string> acronyms)
    {
        var names = new List<Name>();
        var codes = new List<Code>();
        IEnumerable<(string Facet, FacetName Row)> all =
        [
            .. snapshot.Countries.Values.Select(c => ("country", c)),
            .. snapshot.Sources.Values.Select(s => ("source", s)),
            .. snapshot.Topics.Values.Select(t => ("topic", t)),
        ];
        foreach (var (facetName, row) in all)
        {
            var facet = new NamedFacet(facetName, row.Id, row.Key, row);
            var spellings = new[] { row.NameEn, row.NameEs }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Words(n!)).ToList();
            IReadOnlyList<string>[] alternatives = [.. spellings.Select(s => s.Significant).Where(s => s.Length > 0).DistinctBy(s => string.Join(' ', s))];
            foreach (var (significant, digits) in spellings.Where(s => s.Significant.Length > 0).DistinctBy(s => string.Join(' ', s.Significant)))
            {
                names.Add(new Name(facet, significant, digits, alternatives));
            }

            if (facetName == "country")
            {
                codes.Add(new Code(facet, row.Key.ToLowerInvariant(), alternatives));
                if (Alpha3(row.Key) is { } alpha3)
                {
                    codes.Add(new Code(facet, alpha3, alternatives));
                }
            }
            else if (facetName == "source" && acronyms.TryGetValue(row.Id, out var acronym) && Words(acronym).Significant is [var word])
            {
                codes.Add(new Code(facet, word, [.. alternatives, [word]]));
            }
        }

        return new LibrarySearchNames
        {
            Names = [.. names.OrderByDescending(n => n.Significant.Length).ThenBy(n => n.Facet.Facet, StringComparer.Ordinal)],
            Codes = codes,
        };
    }

    private static (string[] Significant, string[] Digits) Words(string name)
    {
        var words = LibrarySearchPlan.Word().Matches(name).Select(m => LibrarySearchText.Fold(m.Value)).ToList();
        return ([.. words.Where(w => !StopWords.Contains(w) && !w.All(char.IsAsciiDigit))], [.. words.Where(w => w.All(char.IsAsciiDigit))]);
    }

    private static string? Alpha3(string alpha2)
    {
        if (alpha2.Length != 2 || !alpha2.All(char.IsAsciiLetter))
        {
            return null;
        }

        try
        {
            return new RegionInfo(alpha2).ThreeLetterISORegionName.ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // Not a region .NET knows (user-assigned codes such as XA).
            return null;
        }
    }
}
