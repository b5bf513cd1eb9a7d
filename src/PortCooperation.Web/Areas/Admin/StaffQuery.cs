using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace PortCooperation.Web.Areas.Admin;

/// <summary>Links of the staff lists that keep the current filters and change one value (page, sort, export).</summary>
public static class StaffQuery
{
    public static string With(HttpRequest request, string key, string? value, string? path = null)
    {
        var values = request.Query
            .Where(q => !string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(value))
        {
            values[key] = new StringValues(value);
        }

        // A new filter or sort starts again at page 1.
        if (!string.Equals(key, "page", StringComparison.OrdinalIgnoreCase))
        {
            values.Remove("page");
        }

        var query = new QueryBuilder(values.SelectMany(v => v.Value.Select(x => new KeyValuePair<string, string>(v.Key, x ?? ""))));
        return (path ?? request.PathBase + request.Path) + query.ToQueryString().Value;
    }
}
