using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;

namespace PortCooperation.BrowserTests;

/// <summary>The member-states, port-network and partners pages in Chromium, on the seeded demo data.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlacesPagesTests(BrowserApp app)
{
    public static TheoryData<string> Pages { get; } = new()
    {
        "/member-states",
        "/member-states?culture=es",
        "/member-states/mx",
        "/member-states/pe?culture=es",
        "/member-states/es",
        "/port-network",
        "/port-network?culture=es",
        "/partners",
        "/partners/fundacion-valenciaport",
        "/partners/apn-peru?culture=es",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoAxeViolations(string url)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true });
        (await page.GotoAsync(url))!.Status.ShouldBe(200);

        var violations = await Axe.ViolationsAsync(page);

        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task At320PixelsWide_NothingScrollsSideways(string url)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        (await page.GotoAsync(url))!.Status.ShouldBe(200);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        overflow.ShouldBeLessThanOrEqualTo(0);
    }

    [Fact]
    public async Task WithJavaScriptOff_AVisitorGoesFromTheDirectoryToACountry_AndOnToThePortNetwork()
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main sections" }).GetByRole(AriaRole.Link, new() { Name = "Member states" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mexico", Exact = true }).ClickAsync();

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Mexico");
        (await page.Locator("#country-ports .port-list__name").AllInnerTextsAsync()).ShouldBe(["Altamira", "Lázaro Cárdenas", "Manzanillo", "Veracruz"]);

        await page.GetByRole(AriaRole.Link, new() { Name = "See the whole port network" }).ClickAsync();

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Port network");
        (await page.Locator("[data-figure='port-systems']").InnerTextAsync()).ShouldBe("21");
    }

    [Fact]
    public async Task CountryCard_IsOneClickTarget()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/member-states");
        var card = page.Locator("#region-southamerica-list .country-card").Filter(new() { HasText = "Peru" });

        // A click anywhere on the card (here on its facts, not on the name) follows the card's link: the link's
        // stretched area lies over the facts, so the mouse is pressed where they are drawn.
        await card.ScrollIntoViewIfNeededAsync();
        var facts = (await card.Locator(".country-card__facts").BoundingBoxAsync())!;
        var hit = await page.EvaluateAsync<string?>(
            "p => document.elementFromPoint(p.x, p.y)?.closest('a')?.getAttribute('href') ?? null",
            new { x = (double)(facts.X + (facts.Width / 2)), y = (double)(facts.Y + (facts.Height / 2)) });
        // What the browser would activate at that point is the card's link.
        hit.ShouldBe("/member-states/pe");
    }
}
