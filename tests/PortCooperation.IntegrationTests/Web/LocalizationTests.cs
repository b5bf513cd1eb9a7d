using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web;

public sealed class LocalizationTests(WebFactoryFixture fixture) : IClassFixture<WebFactoryFixture>
{
    private readonly WebFactory _factory = fixture.Factory;

    [Fact]
    public async Task Home_ByDefault_IsEnglish()
    {
        var page = await _factory.CreateClient().GetDocumentAsync("/");

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Port cooperation across the Americas");
    }

    [Fact]
    public async Task Home_WithCultureQueryString_IsSpanish()
    {
        var page = await _factory.CreateClient().GetDocumentAsync("/?culture=es");

        page.DocumentElement.GetAttribute("lang").ShouldBe("es");
        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Cooperación portuaria en las Américas");
        Squash(page.QuerySelector("#upcoming-heading")!.TextContent).ShouldBe("Próximas actividades");
        page.Title.ShouldBe("Portal de Cooperación Portuaria");
    }

    [Fact]
    public async Task Home_WithSpanishAcceptLanguage_IsSpanish()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("es-MX,es;q=0.9,en;q=0.5");

        using var response = await _factory.CreateClient().SendAsync(request);
        var page = await ParseAsync(response);

        page.DocumentElement.GetAttribute("lang").ShouldBe("es");
        response.Content.Headers.ContentLanguage.ShouldContain("es");
        Squash(page.QuerySelector(".site-nav")!.TextContent).ShouldContain("Inicio");
    }

    [Fact]
    public async Task Home_WithUnsupportedAcceptLanguage_FallsBackToEnglish()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("de-DE,de;q=0.9");

        var page = await ParseAsync(await _factory.CreateClient().SendAsync(request));

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
    }

    [Fact]
    public async Task QueryString_WinsOverCookie_AndCookieWinsOverAcceptLanguage()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Des%7Cuic%3Des");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        (await client.GetDocumentAsync("/")).DocumentElement.GetAttribute("lang").ShouldBe("es");
        (await client.GetDocumentAsync("/?culture=en")).DocumentElement.GetAttribute("lang").ShouldBe("en");
    }

    [Fact]
    public async Task Switcher_IsAPlainLink_SoPagesCarryNoAntiforgeryToken()
    {
        var page = await _factory.CreateClient().GetDocumentAsync("/");

        page.QuerySelector("input[name=__RequestVerificationToken]").ShouldBeNull();
        var link = page.QuerySelector<IHtmlAnchorElement>("nav.language-switcher a")!;
        link.GetAttribute("href").ShouldBe("/language/es?returnUrl=%2F");
    }

    [Fact]
    public async Task SetLanguage_StoresTheChoiceForAYear_AndReturnsToThePage()
    {
        var client = _factory.CreateBrowserLikeClient("http://localhost");
        var href = await ReadSwitcherAsync(client, "/?culture=en&page=2");

        using var response = await client.GetAsync(href);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The culture parameter would override the new choice on the way back, so it is dropped.
        response.Headers.Location!.OriginalString.ShouldBe("/?page=2");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        cookie.ShouldContain("c%3Des%7Cuic%3Des");
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        cookie.ShouldContain("max-age=31536000", Case.Insensitive);
        cookie.ShouldNotContain("secure", Case.Insensitive);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();

        var after = await client.GetDocumentAsync("/");
        after.DocumentElement.GetAttribute("lang").ShouldBe("es");
    }

    [Fact]
    public async Task SetLanguage_OverHttps_MarksTheCookieSecure()
    {
        var client = _factory.CreateBrowserLikeClient("https://localhost");

        using var response = await client.GetAsync("/language/es?returnUrl=%2F");

        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal))
            .ShouldContain("secure", Case.Insensitive);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("")]
    public async Task SetLanguage_WithForeignReturnUrl_GoesHome(string returnUrl)
    {
        var client = _factory.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/language/es?returnUrl=" + Uri.EscapeDataString(returnUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task SetLanguage_WithUnsupportedCulture_IsRejected()
    {
        var client = _factory.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/language/xx?returnUrl=%2F");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Switcher_OffersTheOtherLanguage_InThatLanguage()
    {
        var page = await _factory.CreateClient().GetDocumentAsync("/");

        var option = page.QuerySelector("nav.language-switcher a")!;
        option.GetAttribute("hreflang").ShouldBe("es");
        option.GetAttribute("lang").ShouldBe("es");
        Squash(option.TextContent).ShouldBe("Español");
    }

    private static async Task<string> ReadSwitcherAsync(HttpClient client, string url)
    {
        var page = await client.GetDocumentAsync(url);
        return page.QuerySelector<IHtmlAnchorElement>("nav.language-switcher a")!.GetAttribute("href")!;
    }
}

/// <summary>One app for the tests that only read: they share it to keep the suite quick.</summary>
public sealed class WebFactoryFixture : IDisposable
{
    public WebFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
