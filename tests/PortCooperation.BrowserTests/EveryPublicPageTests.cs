using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;

namespace PortCooperation.BrowserTests;

/// <summary>
/// quality.md A1 on every kind of public page in one list (seeded demo data): axe-core finds no WCAG 2.2 A/AA
/// violation and nothing scrolls sideways at 320 px. The area test classes cover more variants of their pages;
/// this list makes sure no public page is left out.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPublicPageTests(BrowserApp app)
{
    public static TheoryData<string> Pages { get; } = new()
    {
        "/",
        "/activities",
        "/activities/calendar?year=2027&month=3",
        // Dropped in 44e8659 (axe color-contrast on #ics-link after the resize): that branch lacked 2cdad62, where
        // site.css got its unclosed rules closed and outline buttons the portal blue (Bootstrap's #0d6efd is 4.2:1
        // on the sand facts panel #f5f7fa, under 4.5:1). With it, the link is #0a58a8 on #f5f7fa: 6.6:1.
        "/activities/demo-webinar-cybersecurity-port-community-systems-2027",
        "/library?culture=es",
        "/library?q=crew+change&region=SouthAmerica&region=Caribbean",
        "/library/covid-19-imo-crew-change-protocols?culture=es",
        "/library/collections/covid-19-best-practices",
        "/member-states",
        "/member-states/pe",
        "/port-network",
        "/partners",
        "/partners/fundacion-valenciaport",
        "/statistics",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PublicPage_HasNoAxeViolations_AndFits320Pixels(string url)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        (await page.GotoAsync(url))!.Status.ShouldBe(200);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await page.SetViewportSizeAsync(1280, 900);
        var violations = await Axe.ViolationsAsync(page);

        overflow.ShouldBeLessThanOrEqualTo(0, "no horizontal scroll at 320 px");
        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }
}
