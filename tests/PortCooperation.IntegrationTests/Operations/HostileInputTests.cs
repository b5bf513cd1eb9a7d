using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Infrastructure;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// quality.md R11: a corpus of hostile values sent to every GET route (as route values and as every query
/// parameter its action binds) and to every field of every public form never produces a 5xx. The routes are read
/// from the app's EndpointDataSource, so a page added tomorrow is fuzzed without touching this file.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.App app) : IClassFixture<HostileInputTests.App>
{
    public sealed class App : IDisposable
    {
        public PortalFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    /// <summary>Raw (already URL-encoded where needed) so that invalid UTF-8 and control characters reach the app.</summary>
    public static readonly string[] Payloads =
    [
        new string('a', 5000),
        "%00%01%02%1F",
        "%FF%FE%C3%28",
        "'%20OR%201=1--",
        "%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
        "99999999999999999999999",
        "-2147483649",
        "-1",
        "1e309",
        "2020-13-45",
        "..%2F..%2F..%2Fetc%2Fpasswd",
        "%7B%7B7*7%7D%7D",
        "%E2%80%AEgnp.exe",
        "%F0%9F%9A%A2%F0%9F%8C%8A",
        "NaN",
        "%5B%5D",
    ];

    [Fact]
    public async Task EveryGetRoute_WithHostileRouteAndQueryValues_NeverAnswers5xx()
    {
        var client = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var failures = new List<string>();
        var urls = GetRouteTemplates(app.Factory.Services).SelectMany(Expand).Distinct().ToList();
        urls.Count.ShouldBeGreaterThan(20, "the route enumeration found too few GET routes to mean anything");

        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} GET {url[..Math.Min(url.Length, 160)]}");
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task EveryPublicForm_WithHostileFieldValues_NeverAnswers5xx()
    {
        var client = app.Factory.CreateClient();
        var failures = new List<string>();
        var pages = GetRouteTemplates(app.Factory.Services).Select(t => System.Text.RegularExpressions.Regex.Replace(t.Template, @"/\{[^}]+\?\}", ""))
            .Where(t => !t.Contains('{', StringComparison.Ordinal)).Distinct().ToList();
        var formsTried = 0;

        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var form in document.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                formsTried++;
                foreach (var payload in Payloads)
                {
                    var fields = FormFields(form, Uri.UnescapeDataString(payload));
                    using var post = await client.PostAsync(ActionOf(form, page), new FormUrlEncodedContent(fields));
                    if ((int)post.StatusCode >= 500)
                    {
                        failures.Add($"{(int)post.StatusCode} POST {ActionOf(form, page)} with {payload[..Math.Min(payload.Length, 40)]}");
                    }
                }
            }
        }

        formsTried.ShouldBeGreaterThan(0, "no public form found (the sign-in form at least should be)");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private sealed record RouteTemplate(string Template, IReadOnlyList<string> QueryParameters);

    private static List<RouteTemplate> GetRouteTemplates(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            // Files of wwwroot take no input (and their build-time .gz variants exist only in a published app).
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .Select(e => new RouteTemplate(
                Concrete(e),
                e.Metadata.GetMetadata<ControllerActionDescriptor>()?.Parameters
                    .Where(p => p.BindingInfo?.BindingSource is null || p.BindingInfo.BindingSource.Id is "Query" or "ModelBinding")
                    .Where(p => p.ParameterType != typeof(CancellationToken))
                    .SelectMany(p => IsSimple(p.ParameterType) ? [p.Name] : p.ParameterType.GetProperties().Select(x => x.Name))
                    .ToList() ?? []))
            .Where(t => !t.Template.Contains("**", StringComparison.Ordinal) || t.Template.StartsWith("/{**", StringComparison.Ordinal) is false)];

    /// <summary>The pattern with area, controller and action filled in for conventionally routed actions.</summary>
    private static string Concrete(RouteEndpoint endpoint)
    {
        var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
        if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action)
        {
            foreach (var (key, value) in action.RouteValues)
            {
                template = System.Text.RegularExpressions.Regex.Replace(template, @"\{" + key + @"(:[^}=]*)?(=[^}]*)?\??\}", value ?? "");
            }
        }

        return template.Replace("//", "/", StringComparison.Ordinal);
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(Guid);
    }

    /// <summary>The route with hostile route values, and with hostile values in each bound query parameter.</summary>
    private static IEnumerable<string> Expand(RouteTemplate route)
    {
        foreach (var payload in Payloads)
        {
            // A NUL in the path never reaches the app (Kestrel answers 400 itself; the test host refuses to send it).
            if (!payload.Contains("%00", StringComparison.Ordinal))
            {
                yield return System.Text.RegularExpressions.Regex.Replace(route.Template, @"\{[^}]+\}", payload);
            }

            if (route.QueryParameters.Count > 0)
            {
                var basePath = System.Text.RegularExpressions.Regex.Replace(route.Template, @"\{[^}]+\}", "x");
                yield return basePath + "?" + string.Join("&", route.QueryParameters.Select(q => $"{q}={payload}"));
            }
        }
    }

    private static Dictionary<string, string> FormFields(IHtmlFormElement form, string payload)
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            fields[name] = name == "__RequestVerificationToken" ? element.GetAttribute("value") ?? "" : payload;
        }

        return fields;
    }

    private static string ActionOf(IHtmlFormElement form, string page) =>
        form.GetAttribute("action") is { Length: > 0 } action ? action : page;
}
