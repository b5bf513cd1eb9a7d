using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;

namespace PortCooperation.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PublicSiteTests(BrowserApp app)
{
    [Fact]
    public async Task ClickingEspañol_ShowsTheSamePageInSpanish_AndRemembersIt()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Español" }).ClickAsync();

        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("es");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Cooperación portuaria en las Américas");
        await page.GotoAsync("/");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("es");
    }

    [Fact]
    public async Task Stylesheets_Load_AndApply()
    {
        var page = await app.NewPageAsync();
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };

        await page.GotoAsync("/");

        failed.ShouldBeEmpty();
        (await page.EvaluateAsync<int>("() => document.styleSheets.length")).ShouldBeGreaterThanOrEqualTo(2);
        // site.css moves the skip link out of sight until it has focus.
        (await page.Locator(".skip-link").BoundingBoxAsync())!.Y.ShouldBeLessThan(0);
    }

    [Fact]
    public async Task HomePage_WithJavaScriptOff_ShowsItsContent()
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });

        var response = await page.GotoAsync("/");

        response!.Status.ShouldBe(200);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Port cooperation across the Americas");
        (await page.Locator("#upcoming-heading").CountAsync()).ShouldBe(1);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?culture=es")]
    [InlineData("/no-such-page")]
    public async Task At320PixelsWide_NothingScrollsSideways(string url)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        await page.GotoAsync(url);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        overflow.ShouldBeLessThanOrEqualTo(0);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?culture=es")]
    [InlineData("/no-such-page")]
    [InlineData("/Identity/Account/Login")]
    public async Task Page_HasNoAxeViolations(string url)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true });
        await page.GotoAsync(url);

        var violations = await Axe.ViolationsAsync(page);

        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }
}
