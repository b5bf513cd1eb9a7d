using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;

namespace PortCooperation.BrowserTests;

/// <summary>
/// docs/quality.md A1 on every kind of public page in one list (seeded demo data): axe-core finds no WCAG 2.2 A/AA
/// violation and nothing scrolls sideways at 320 px. The area test classes cover more variants of their pages;
/// this list makes sure no public page is left out.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPublicPageTests(BrowserApp app)
{
    private static readonly string[] PageList =
    [
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
        "/statistics/participation",
        "/privacy",
    ];

    public static TheoryData<string> Pages { get; } = new(PageList);

    /// <summary>
    /// Text that ends beyond the viewport's right edge, outside a box that scrolls or clips it on purpose and outside
    /// fixed bars: what a visitor on a narrow phone cannot read even though nothing scrolls sideways. (Text the
    /// browser has not laid out, e.g. under <c>content-visibility: auto</c>, has no boxes and is not checked.)
    /// </summary>
    private const string CutOffScript = """
        () => {
          const width = document.documentElement.clientWidth;
          // Inside a box that scrolls or clips on purpose (tables, visually hidden labels) or a fixed bar.
          const scrolls = e => { for (let p = e; p && p !== document.body; p = p.parentElement) {
            const s = getComputedStyle(p);
            if (/(auto|scroll|hidden|clip)/.test(s.overflowX) || s.position === 'fixed' || (s.clip && s.clip !== 'auto')) return true; } return false; };
          const cut = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const text = walker.currentNode; if (!text.textContent.trim()) continue;
            const range = document.createRange(); range.selectNodeContents(text);
            for (const r of range.getClientRects()) {
              if (r.width > 1 && r.height > 1 && r.right > width + 1 && !scrolls(text.parentElement)) {
                cut.push(`${text.parentElement.tagName.toLowerCase()}.${text.parentElement.className}: "${text.textContent.trim().slice(0, 40)}" ends at ${Math.round(r.right)} px`);
                break;
              }
            }
          }
          return cut.slice(0, 10);
        }
        """;

    /// <summary>Every public page in each language (a page already in the list with ?culture=es is taken in both).</summary>
    public static TheoryData<string> PagesInBothLanguages()
    {
        var data = new TheoryData<string>();
        foreach (var url in PageList)
        {
            var bare = url.Replace("?culture=es", "", StringComparison.Ordinal);
            foreach (var culture in new[] { "en", "es" })
            {
                data.Add(bare + (bare.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture);
            }
        }

        return data;
    }

    /// <summary>
    /// The heading-order rule of the Nu HTML checker: the first heading is the h1 and no heading goes down more than
    /// one level from the one before it (an h3 straight after an h1 is a skipped level).
    /// </summary>
    private const string HeadingOrderScript = """
        () => {
          const errors = [];
          let previous = 0;
          for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
            const level = Number(h.tagName[1]);
            const text = h.textContent.trim().slice(0, 50);
            if (previous === 0 && level !== 1) errors.push(`the first heading is ${h.tagName.toLowerCase()} "${text}", not h1`);
            else if (level > previous + 1 && previous !== 0) errors.push(`h${level} "${text}" follows an h${previous}`);
            previous = level;
          }
          if (previous === 0) errors.push('the page has no heading');
          return errors;
        }
        """;

    [Theory]
    [MemberData(nameof(PagesInBothLanguages))]
    public async Task PublicPage_HeadingsNeverSkipALevel(string url)
    {
        var page = await app.NewPageAsync();
        (await page.GotoAsync(url))!.Status.ShouldBe(200);

        var errors = await page.EvaluateAsync<string[]>(HeadingOrderScript);

        errors.ShouldBeEmpty(string.Join(Environment.NewLine, errors));
    }

    /// <summary>axe at the three widths the portal is laid out for (the menu button, the hero and the charts change with
    /// the width), in each language.</summary>
    [Theory]
    [MemberData(nameof(PagesInBothLanguages))]
    public async Task PublicPage_HasNoAxeViolations_At1280_375_And320Pixels(string url)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        (await page.GotoAsync(url))!.Status.ShouldBe(200);

        var violations = new List<string>();
        foreach (var width in new[] { 1280, 375, 320 })
        {
            await page.SetViewportSizeAsync(width, 800);
            violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{width} px: {v}"));
        }

        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PublicPage_HasNoAxeViolations_AndFits320Pixels(string url)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        (await page.GotoAsync(url))!.Status.ShouldBe(200);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var cut = await page.EvaluateAsync<string[]>(CutOffScript);
        await page.SetViewportSizeAsync(1280, 900);
        var violations = await Axe.ViolationsAsync(page);

        overflow.ShouldBeLessThanOrEqualTo(0, "no horizontal scroll at 320 px");
        cut.ShouldBeEmpty("no text cut off at the right edge at 320 px (a page can be clipped without scrolling)");
        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }
}
