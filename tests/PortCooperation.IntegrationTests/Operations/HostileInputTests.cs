using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Infrastructure;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// A corpus of hostile values — very long strings, invalid UTF-8, NUL and control characters, overflowing numbers,
/// bad dates, full-text syntax of both engines — sent to every GET route (as route values and as every query
/// parameter its action binds) and to every field of every public form, and malformed bodies (multipart cut short or
/// without a boundary, wrong content types, broken percent-encoding) sent to every POST route and public form, never
/// produce a 5xx. The routes are read from the app's EndpointDataSource, so a page added tomorrow is fuzzed without
/// touching this file.
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
        "2024-02-30T25:61:00",
        "0001-01-01",
        "9999-12-31T23:59:59.9999999%2B14:00",
        "%22port",
        "NEAR(port%20berth)",
        "port*",
        "-port",
        "port%20OR%20-berth%20AND%20NOT",
        "((port%22)",
        "port:*%20%26%20!berth",
    ];

    /// <summary>Bodies no browser sends: each with the content type it claims.</summary>
    private static readonly (string ContentType, string Body)[] MalformedBodies =
    [
        ("multipart/form-data; boundary=cut", "--cut\r\nContent-Disposition: form-data; name=\"Email\"\r\n\r\nsomeone@exa"),
        ("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"),
        ("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data\r\n\r\n\0\0\r\n--x"),
        ("application/x-www-form-urlencoded", "Email=%ZZ%FF%00&Password=%&=&&%E2%82"),
        ("application/x-www-form-urlencoded; charset=utf-7", "a=+AGEAYgBj-"),
        ("application/json", "{\"Email\":\"a@b.c\",\"Password\":[1e999]}"),
        ("application/xml", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>"),
        ("text/plain", "Email=a@b.c"),
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

    [Fact]
    public async Task EveryPostRouteAndPublicForm_WithMalformedBodies_NeverAnswers5xx()
    {
        var client = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var failures = new List<string>();
        var targets = new List<(string Url, string? Token)>();
        foreach (var route in PostRouteTemplates(app.Factory.Services))
        {
            targets.Add((System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "x"), null));
        }

        // The public forms again, this time with a real antiforgery token in front of the malformed rest.
        foreach (var page in GetRouteTemplates(app.Factory.Services).Select(t => System.Text.RegularExpressions.Regex.Replace(t.Template, @"/\{[^}]+\?\}", ""))
            .Where(t => !t.Contains('{', StringComparison.Ordinal)).Distinct())
        {
            using var response = await client.GetAsync(page);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var form in document.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                targets.Add((ActionOf(form, page), form.Elements.FirstOrDefault(e => e.GetAttribute("name") == "__RequestVerificationToken")?.GetAttribute("value")));
            }
        }

        targets.Count.ShouldBeGreaterThan(10, "the route enumeration found too few POST targets to mean anything");
        foreach (var (url, token) in targets.Distinct())
        {
            foreach (var (contentType, body) in MalformedBodies)
            {
                var prefix = token is null ? "" : contentType.StartsWith("multipart/form-data; boundary=", StringComparison.Ordinal)
                    ? $"--{contentType.Split('=')[1]}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n"
                    : contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) ? $"__RequestVerificationToken={Uri.EscapeDataString(token)}&" : "";
                using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(prefix + body));
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                using var post = await client.PostAsync(url, content);
                if ((int)post.StatusCode >= 500)
                {
                    failures.Add($"{(int)post.StatusCode} POST {url} as {contentType}{(token is null ? "" : " with a token")}");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    /// <summary>Every POST endpoint, area, controller and action filled in.</summary>
    private static List<string> PostRouteTemplates(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods && methods.HttpMethods.Contains("POST"))
            .Select(Concrete)
            .Where(t => !t.Contains("**", StringComparison.Ordinal))
            .Distinct()];

    private sealed record RouteTemplate(string Template, IReadOnlyList<string> QueryParameters);

    private static List<RouteTemplate> GetRouteTemplates(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
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
