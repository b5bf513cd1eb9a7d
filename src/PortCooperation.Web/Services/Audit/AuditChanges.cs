using System.Text.Json;

namespace PortCooperation.Web.Services.Audit;

/// <summary>One changed field of an audit entry, as text for the screen.</summary>
public sealed record AuditChange(string Field, string? Old, string? New)
{
    /// <summary>Reads the entry's JSON ({"Field":[old,new]}); an unreadable value shows as no fields.</summary>
    public static IReadOnlyList<AuditChange> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return [.. document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2)
                .Select(p => new AuditChange(p.Name, Text(p.Value[0]), Text(p.Value[1])))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
