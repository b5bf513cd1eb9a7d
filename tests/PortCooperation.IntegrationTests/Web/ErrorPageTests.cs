using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Infrastructure;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web;

public sealed class ErrorPageTests
{
    internal const string SecretDetail = "Connection string Password=hunter2 leaked";

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task UnhandledException_InProduction_ShowsFriendlyPageWithCorrelationId_AndNoDetail(string method)
    {
        using var factory = new WebFactory { EnvironmentName = "Production" };
        using var app = WithThrowingEndpoint(factory);
        var client = app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/test-only/throw")
        {
            Content = method == "POST" ? new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }) : null,
        });
        var body = await response.Content.ReadAsStringAsync();
        var page = await ParseAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Something went wrong");
        page.QuerySelector("[data-correlation-id]")!.TextContent.Trim().ShouldNotBeNullOrEmpty();
        body.ShouldNotContain("hunter2");
        body.ShouldNotContain(nameof(InvalidOperationException));
        body.ShouldNotContain("ThrowingController");
        body.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("/test-only/throw", HttpStatusCode.InternalServerError)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task ReferenceOnTheErrorPage_IsTheTraceIdOfTheRequestsLogLine(string path, HttpStatusCode status)
    {
        // A visitor reports the reference the page shows; the operator must find the request's log line with it.
        using var factory = new WebFactory { EnvironmentName = "Production" };
        var log = new RequestLog();
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddControllersWithViews().AddApplicationPart(typeof(ThrowingController).Assembly);
            services.AddSingleton<Serilog.Core.ILogEventSink>(log);
        }));

        using var response = await app.CreateClient().GetAsync(path);
        var reference = (await ParseAsync(response)).QuerySelector("[data-correlation-id]")!.TextContent.Trim();

        response.StatusCode.ShouldBe(status);
        reference.ShouldNotBeNullOrEmpty();
        log.Lines.ShouldContain(line => line.StartsWith($"HTTP GET {path} responded {(int)status} ", StringComparison.Ordinal)
            && line.EndsWith($"(trace {reference})", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnhandledException_ErrorPage_IsLocalised()
    {
        using var factory = new WebFactory { EnvironmentName = "Production" };
        using var app = WithThrowingEndpoint(factory);

        using var response = await app.CreateClient().GetAsync("/test-only/throw?culture=es");
        var page = await ParseAsync(response);

        page.DocumentElement.GetAttribute("lang").ShouldBe("es");
        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Se produjo un error");
        Squash(page.QuerySelector(".error-page")!.TextContent).ShouldContain("indique esta referencia");
    }

    [Fact]
    public async Task StatusCodePage_ForNotFound_Is404_WithFriendlyText()
    {
        using var factory = new WebFactory();

        using var response = await factory.CreateClient().GetAsync("/Error/404");
        var page = await ParseAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Page not found");
        page.QuerySelector("[data-correlation-id]").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/no-such-page", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/language/xx", HttpStatusCode.BadRequest, null)]
    public async Task UnknownOrBadRequests_GetTheFriendlyPage_WithTheirStatus(string url, HttpStatusCode status, string? heading)
    {
        using var factory = new WebFactory();

        using var response = await factory.CreateClient().GetAsync(url);
        var page = await ParseAsync(response);

        response.StatusCode.ShouldBe(status);
        page.QuerySelector(".error-page").ShouldNotBeNull();
        if (heading is not null)
        {
            Squash(page.QuerySelector("h1")!.TextContent).ShouldBe(heading);
        }
    }

    [Fact]
    public async Task StatusCodePage_WithANonErrorCode_SaysNotFound()
    {
        using var factory = new WebFactory();

        using var response = await factory.CreateClient().GetAsync("/Error/200");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await ParseAsync(response);
        page.QuerySelector(".error-page").ShouldNotBeNull();
        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Page not found");
    }

    private static WebApplicationFactory<Program> WithThrowingEndpoint(WebFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddControllersWithViews().AddApplicationPart(typeof(ThrowingController).Assembly)));
}

/// <summary>
/// Exists only in this test project and is added to the app only by <see cref="ErrorPageTests"/>
/// (as an application part), so the real app never has a failing endpoint.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ThrowingController : Controller
{
    [Route("/test-only/throw")]
    public IActionResult Throw() => throw new InvalidOperationException($"{ErrorPageTests.SecretDetail} at {Request.Path}");
}
