using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// What a visitor typed in the library's search box, reduced to plain words: letters and digits only, lower case,
/// at most <see cref="MaxTerms"/>. Quotes, <c>*</c>, <c>-</c>, <c>NEAR</c>, parentheses and every other piece of
/// FTS5 or tsquery syntax are dropped or become ordinary words, so no input can make the engine fail; the
/// engine's query is then written by this class from those words only.
/// </summary>
public sealed partial class LibrarySearchText
{
    public const int MaxTerms = 8;
    public const int MaxTermLength = 40;

    /// <summary>Marks the start and end of a match in snippets from the database; never shown.</summary>
    public const char MatchStart = '\u0002';
    public const char MatchEnd = '\u0003';

    private LibrarySearchText(IReadOnlyList<string> terms, IReadOnlyList<string> originals)
    {
        Terms = terms;
        Originals = originals;
    }

    /// <summary>The words, lower case, accents removed (as both indexes store them).</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The words as typed (lower case, accents kept), used to highlight accented text.</summary>
    public IReadOnlyList<string> Originals { get; }

    /// <summary>The search, or null when the input holds no word at all.</summary>
    public static LibrarySearchText? Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var originals = new List<string>();
        foreach (Match word in Word().Matches(input.Length > 500 ? input[..500] : input))
        {
            var original = word.Value.ToLowerInvariant();
            original = original.Length > MaxTermLength ? original[..MaxTermLength] : original;
            if (!originals.Contains(original, StringComparer.Ordinal))
            {
                originals.Add(original);
            }

            if (originals.Count == MaxTerms)
            {
                break;
            }
        }

        if (originals.Count == 0)
        {
            return null;
        }

        var terms = originals.Select(Fold).Distinct(StringComparer.Ordinal).ToList();
        return new LibrarySearchText(terms, originals);
    }

    /// <summary>FTS5 MATCH expression: every word must occur, as a word or the start of one ("protocol" finds "protocols").</summary>
    public string ToFts5Match() => string.Join(' ', Terms.Select(t => t.Length > 1 ? $"\"{t}\"*" : $"\"{t}\""));

    /// <summary>to_tsquery('simple', …) expression over the accent-folded index, with the same meaning as <see cref="ToFts5Match"/>.</summary>
    public string ToTsQuery() => string.Join(" & ", Terms.Select(t => t.Length > 1 ? t + ":*" : t));

    /// <summary>to_tsquery for ts_headline over the original (accented) text: each word as folded or as typed.</summary>
    public string ToHeadlineTsQuery() => string.Join(" | ", Terms.Concat(Originals).Distinct(StringComparer.Ordinal).Select(t => t.Length > 1 ? t + ":*" : t));

    /// <summary>Lower case without diacritics: "Prácticas" → "practicas", as SQLite's remove_diacritics and PostgreSQL's library_fold do.</summary>
    public static string Fold(string value)
    {
        var decomposed = value.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A snippet from the database (matches between <see cref="MatchStart"/> and <see cref="MatchEnd"/>) as safe HTML:
    /// every piece of text is HTML-encoded first, then the matches are wrapped in &lt;mark&gt;. Markdown
    /// emphasis and heading signs of document bodies are dropped, runs of white space collapsed.
    /// </summary>
    public static string SnippetToHtml(string? snippet, HtmlEncoder encoder)
    {
        if (string.IsNullOrWhiteSpace(snippet))
        {
            return "";
        }

        var html = new StringBuilder(snippet.Length + 32);
        var text = new StringBuilder();
        var open = false;
        foreach (var c in snippet)
        {
            if (c == MatchStart && !open || c == MatchEnd && open)
            {
                Flush();
                html.Append(open ? "</mark>" : "<mark>");
                open = !open;
            }
            else if (c is not (MatchStart or MatchEnd or '*' or '#' or '_'))
            {
                text.Append(char.IsWhiteSpace(c) || char.IsControl(c) ? ' ' : c);
            }
        }

        Flush();
        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString().Trim();

        void Flush()
        {
            if (text.Length > 0)
            {
                html.Append(encoder.Encode(Spaces().Replace(text.ToString(), " ")));
                text.Clear();
            }
        }
    }

    /// <summary>
    /// An extract of the first text (in the order given) where the search's words occur: the window of
    /// <paramref name="words"/> words holding the most matches, matches between <see cref="MatchStart"/> and
    /// <see cref="MatchEnd"/>, "…" where text was cut; null when no text matches. Words match as
    /// <see cref="ToFts5Match"/> does (accent- and case-folded, as a word or the start of one).
    /// </summary>
    public string? Extract(IEnumerable<string?> texts, int words = 24)
    {
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var found = Word().Matches(text).Select(m => (Start: m.Index, End: m.Index + m.Length, Hit: Matches(m.Value))).ToList();
            if (!found.Any(w => w.Hit))
            {
                continue;
            }

            // The window with the most matches (the earliest of equals).
            int first = 0, best = -1, inWindow = 0;
            for (var i = 0; i < found.Count; i++)
            {
                inWindow += found[i].Hit ? 1 : 0;
                if (i >= words)
                {
                    inWindow -= found[i - words].Hit ? 1 : 0;
                }

                if (inWindow > best)
                {
                    best = inWindow;
                    first = Math.Max(0, i - words + 1);
                }
            }

            // Start a little before the first match of that window, so the match reads in context.
            var firstHit = Enumerable.Range(first, Math.Min(words, found.Count - first)).First(i => found[i].Hit);
            first = Math.Max(0, Math.Min(first, firstHit - 4));
            var last = Math.Min(found.Count, first + words) - 1;
            var extract = new StringBuilder(first > 0 ? "… " : "");
            for (var i = first; i <= last; i++)
            {
                if (i > first)
                {
                    // Markdown list and heading signs at the start of a line ("- ", "* ", "## ") are not text.
                    var between = text.Substring(found[i - 1].End, found[i].Start - found[i - 1].End);
                    extract.Append(between.Contains('\n', StringComparison.Ordinal) ? LineMarkup().Replace(between, " ") : between);
                }

                var word = text.AsSpan(found[i].Start, found[i].End - found[i].Start);
                extract.Append(found[i].Hit ? $"{MatchStart}{word}{MatchEnd}" : word);
            }

            return extract.Append(last < found.Count - 1 ? " …" : "").ToString();
        }

        return null;
    }

    private bool Matches(string word)
    {
        var folded = word.All(char.IsAscii) ? word.ToLowerInvariant() : Fold(word);
        return Terms.Any(t => t.Length > 1 ? folded.StartsWith(t, StringComparison.Ordinal) : folded == t);
    }

    [GeneratedRegex(@"[\p{L}\p{Mn}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s*\n\s*(?:[-*+>#]+\s+)?")]
    private static partial Regex LineMarkup();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
