using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// For a refused stale edit (R6): the fields a colleague changed between the moment this editor opened the form
/// (its values travel with the form as JSON) and now, with the saved value as text, so the form can show it beside
/// the field and keep what this editor typed.
/// </summary>
public static class EditConflicts
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static string Snapshot<T>(T values) => JsonSerializer.Serialize(values, _json);

    /// <summary>The form's values when it was opened, or null when the posted snapshot is missing or unreadable.</summary>
    public static T? FromSnapshot<T>(string? json)
        where T : class
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, _json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static Dictionary<string, string> Compare<T>(T before, T saved)
        where T : class
    {
        var conflicts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanRead && p.Name is not ("Version" or "Original")))
        {
            var mine = Text(property.GetValue(before));
            var theirs = Text(property.GetValue(saved));
            if (!string.Equals(mine, theirs, StringComparison.Ordinal))
            {
                conflicts[property.Name] = theirs;
            }
        }

        return conflicts;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join("; ", items.Cast<object?>().Select(Text)),
        _ => value.ToString() ?? "",
    };
}
