using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>One request to make against one endpoint: its method and a concrete path built from its route pattern.</summary>
public sealed record EndpointRequest(string Method, string Path, string Name, bool RequiresAuthorization, bool IsAdminArea, bool IgnoresAntiforgery)
{
    public override string ToString() => $"{Method} {Path} ({Name})";
}

/// <summary>
/// Every endpoint the running app maps, read from its <see cref="EndpointDataSource"/>: whatever controllers
/// other parts of the portal add later are covered without anyone keeping a list (docs/quality.md S1, S2).
/// </summary>
public static class EndpointCatalogue
{
    private static readonly string[] _unsafeMethods = ["POST", "PUT", "PATCH", "DELETE"];

    public static IReadOnlyList<EndpointRequest> Requests(IServiceProvider services)
    {
        var requests = new List<EndpointRequest>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true)
            {
                continue;
            }

            var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
            var area = action?.RouteValues.TryGetValue("area", out var a) == true ? a : null;
            var requiresAuthorization = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0
                && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAntiforgeryPolicy>();
            var ignoresAntiforgery = policies.Count > 0 && policies[^1] is IgnoreAntiforgeryTokenAttribute;

            // No method constraint means every method reaches the action: try the safe and the unsafe kind.
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared
                ? declared
                : ["GET", "POST"];
            var path = PathOf(endpoint.RoutePattern);
            // "Home.Error" for a controller action, the route pattern for anything else (health checks).
            var name = action is not null ? $"{action.ControllerName}.{action.ActionName}" : endpoint.RoutePattern.RawText ?? path;
            foreach (var method in methods.Where(m => m != "HEAD" && m != "OPTIONS"))
            {
                requests.Add(new EndpointRequest(method, path, name, requiresAuthorization,
                    string.Equals(area, "Admin", StringComparison.OrdinalIgnoreCase), ignoresAntiforgery));
            }
        }

        return requests.DistinctBy(r => (r.Method, r.Path)).ToList();
    }

    public static bool IsUnsafe(this EndpointRequest request) => _unsafeMethods.Contains(request.Method);

    /// <summary>
    /// A concrete path for a pattern: the action's own values for conventional routes ({area}/{controller}/
    /// {action}), optional parameters left out, required ones filled with a value their constraint accepts.
    /// </summary>
    public static string PathOf(RoutePattern pattern)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                text += part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => ValueFor(pattern, parameter),
                    _ => "",
                };
            }

            if (text.Length > 0)
            {
                segments.Add(text);
            }
        }

        return "/" + string.Join('/', segments);
    }

    private static string ValueFor(RoutePattern pattern, RoutePatternParameterPart parameter)
    {
        if (pattern.RequiredValues.TryGetValue(parameter.Name, out var required) && required is string { Length: > 0 } value)
        {
            return value;
        }

        if (parameter.IsOptional || parameter.Default is not null)
        {
            return Convert.ToString(parameter.Default, CultureInfo.InvariantCulture) ?? "";
        }

        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        return constraints.Any(c => c.StartsWith("int", StringComparison.Ordinal) || c.StartsWith("long", StringComparison.Ordinal) || c.StartsWith("min", StringComparison.Ordinal) || c.StartsWith("range", StringComparison.Ordinal))
            ? "1"
            : constraints.Any(c => c.StartsWith("guid", StringComparison.Ordinal))
                ? Guid.Empty.ToString()
                : "sample";
    }
}
