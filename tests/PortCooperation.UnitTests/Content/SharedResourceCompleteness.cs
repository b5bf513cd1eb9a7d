using System.Globalization;
using System.Resources;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.UnitTests.Content;

/// <summary>Keys are names, not English sentences: a key missing in one language would show as its name.</summary>
public class SharedResourceCompleteness
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource));

    private static Dictionary<string, string> Strings(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void EverySpanishKey_HasAnEnglishOne_AndViceVersa()
    {
        var english = Strings(CultureInfo.InvariantCulture);
        var spanish = Strings(CultureInfo.GetCultureInfo("es"));

        english.Count.ShouldBeGreaterThan(20);
        english.Keys.Except(spanish.Keys).ShouldBeEmpty("keys without a Spanish text");
        spanish.Keys.Except(english.Keys).ShouldBeEmpty("Spanish keys the English file lacks");
        english.Where(e => string.IsNullOrWhiteSpace(e.Value)).ShouldBeEmpty();
        spanish.Where(e => string.IsNullOrWhiteSpace(e.Value)).ShouldBeEmpty();
    }

    [Fact]
    public void FormatPlaceholders_MatchBetweenLanguages()
    {
        var english = Strings(CultureInfo.InvariantCulture);
        var spanish = Strings(CultureInfo.GetCultureInfo("es"));

        foreach (var (key, text) in english)
        {
            Placeholders(spanish[key]).ShouldBe(Placeholders(text), $"placeholders of {key}");
        }
    }

    [Fact]
    public void EveryActivityKindAndStatus_HasALabel()
    {
        var english = Strings(CultureInfo.InvariantCulture);

        foreach (var kind in Enum.GetNames<ActivityKind>())
        {
            english.ShouldContainKey($"ActivityKind_{kind}");
        }

        foreach (var status in Enum.GetNames<ActivityStatus>())
        {
            english.ShouldContainKey($"ActivityStatus_{status}");
        }
    }

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal)];
}
