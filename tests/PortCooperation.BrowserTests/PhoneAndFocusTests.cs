using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;

namespace PortCooperation.BrowserTests;

/// <summary>
/// The public site on a phone and from the keyboard: the "Menu" button that holds the navigation on narrow screens
/// (with and without JavaScript), a cookie notice that leaves the screen to the page, chart labels readable at 320 px,
/// figures that never break, and one visible focus ring on links, buttons and fields. Screenshots go to
/// $REPORT_SCREENSHOTS (default: the system temp folder, report-screenshots).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneAndFocusTests(BrowserApp app)
{
    private const string Webinar = "demo-webinar-cybersecurity-port-community-systems-2027";

    private static string Shot(string name) => Screenshots.PathFor(name);

    private Task<IPage> PhoneAsync(int width, bool javaScript = true) => app.NewPageAsync(new BrowserNewContextOptions
    {
        BypassCSP = true,
        JavaScriptEnabled = javaScript,
        ViewportSize = new ViewportSize { Width = width, Height = 800 },
    });

    [Theory]
    [InlineData("en", "Menu", true)]
    [InlineData("es", "Menú", true)]
    [InlineData("en", "Menu", false)]
    [InlineData("es", "Menú", false)]
    public async Task MenuButton_At375Pixels_OpensTheNavigation(string culture, string name, bool javaScript)
    {
        var page = await PhoneAsync(375, javaScript);
        await page.GotoAsync($"/?culture={culture}");
        var navigation = page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = culture == "es" ? "Secciones principales" : "Main sections" });
        var menu = navigation.Locator("summary");
        var library = navigation.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = culture == "es" ? "Biblioteca" : "Library", Exact = true });

        (await menu.InnerTextAsync()).Trim().ShouldBe(name);
        (await library.CountAsync()).ShouldBe(0, "closed, the menu hides its links (and the wide bar is not shown)");
        var closedHeader = await page.Locator(".site-header").BoundingBoxAsync();

        await menu.ClickAsync();

        (await library.CountAsync()).ShouldBe(1, "one Library link is exposed once the menu is open");
        (await library.IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("details.site-menu").GetAttributeAsync("open")).ShouldNotBeNull();
        closedHeader!.Height.ShouldBeLessThan(200f, "closed, the header takes under a quarter of the first screen");
        if (javaScript)
        {
            // axe is a script: it runs only on the page with JavaScript.
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot($"home-{culture}-375-menu") });
        }

        await library.ClickAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/library");
    }

    [Fact]
    public async Task Navigation_At1280Pixels_IsTheInlineBar_WithoutAMenuButton()
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync("/");

        (await page.Locator(".site-menu").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator(".site-nav__wide a[href='/library']").IsVisibleAsync()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task CookieNotice_At375Pixels_IsAtMost100PixelsTall(string culture)
    {
        var page = await PhoneAsync(375);
        await page.GotoAsync($"/?culture={culture}");
        // The test app runs with analytics off (no script in the layout); add the same file a live page loads.
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/js/analytics-consent.js" });
        var notice = page.Locator("[data-consent-notice]");
        await notice.WaitForAsync();

        var box = await notice.BoundingBoxAsync();

        box!.Height.ShouldBeLessThanOrEqualTo(100);
        (await notice.Locator("button").CountAsync()).ShouldBe(2, "both choices stay on the notice");
        (await notice.Locator(".consent-notice__more").IsVisibleAsync()).ShouldBeTrue("the link to what is recorded stays");
    }

    [Theory]
    [InlineData("participation")]
    [InlineData("scholarships")]
    [InlineData("documents")]
    public async Task ChartText_At320Pixels_IsAtLeast12PixelsTall(string statisticsPage)
    {
        var page = await PhoneAsync(320);
        await page.GotoAsync($"/statistics/{statisticsPage}");

        // The size a reader sees: the text's font size times the drawing's scale on screen.
        var sizes = await page.EvaluateAsync<double[]>("""
            () => [...document.querySelectorAll('svg.chart text')].map(t =>
              parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)
            """);

        sizes.ShouldNotBeEmpty();
        sizes.Min().ShouldBeGreaterThanOrEqualTo(12);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
    }

    [Theory]
    [InlineData("/?culture=es", 1280)]
    [InlineData("/?culture=en", 1280)]
    [InlineData("/?culture=es", 320)]
    [InlineData("/member-states/pe?culture=es", 1280)]
    [InlineData("/member-states/pe?culture=es", 320)]
    [InlineData("/statistics?culture=es", 1280)]
    [InlineData("/statistics?culture=es", 320)]
    [InlineData("/port-network?culture=es", 1280)]
    [InlineData("/library?q=Per%C3%BA&culture=es", 1280)]
    public async Task KeyFigures_StayOnOneLine(string url, int width)
    {
        var page = await PhoneAsync(width);
        await page.GotoAsync(url);

        // Each figure is one line of text: a "23" broken into "2" over "3" has two line boxes. Words only for screen
        // readers (visually hidden beside a count) are not laid out as seen, so they are left out.
        var broken = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.key-figure__value, .places-figures dd, .stats-card__value, .facet__count')].filter(e => {
              const tops = new Set(), walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                if (n.parentElement.closest('.visually-hidden') || !n.textContent.trim()) continue;
                const range = document.createRange(); range.selectNodeContents(n);
                [...range.getClientRects()].filter(r => r.width > 0).forEach(r => tops.add(Math.round(r.top)));
              }
              return tops.size > 1;
            }).map(e => e.textContent.trim())
            """);
        var figures = await page.Locator(".key-figure__value, .places-figures dd, .stats-card__value, .facet__count").CountAsync();

        figures.ShouldBeGreaterThan(0);
        broken.ShouldBeEmpty();
    }

    /// <summary>
    /// The focused element's outline, and its contrast against the first opaque background behind it (WCAG 1.4.11
    /// asks 3:1 for a focus indicator).
    /// </summary>
    private const string FocusRingScript = """
        () => {
          const e = document.activeElement, s = getComputedStyle(e);
          const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
          const luminance = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          let p = e.parentElement, background = [255, 255, 255];
          for (; p; p = p.parentElement) { const c = rgb(getComputedStyle(p).backgroundColor); if (c.length === 3 || c[3] === 1) { background = c.slice(0, 3); break; } }
          const a = luminance(rgb(s.outlineColor)), b = luminance(background);
          return { tag: e.tagName.toLowerCase(), style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                   contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
        }
        """;

    public sealed class FocusRing
    {
        public string Tag { get; set; } = "";
        public string Style { get; set; } = "";
        public double Width { get; set; }
        public double Contrast { get; set; }
    }

    [Theory]
    [InlineData("#FullName", "input")]
    [InlineData("#Country", "select")]
    [InlineData("button[type=submit].registration-form__submit", "button")]
    [InlineData(".registration__back a", "a")]
    public async Task FocusRing_OnFieldsButtonsAndLinks_IsAtLeast2Pixels_WithContrast(string selector, string tag)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync($"/activities/{Webinar}/register");
        var control = page.Locator(selector).First;
        await control.ScrollIntoViewIfNeededAsync();

        // From the keyboard, as a keyboard user gets there: focus the element before, then Tab.
        await control.EvaluateAsync("""
            e => { const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')].filter(x => x.offsetParent !== null);
                   const before = all[all.indexOf(e) - 1]; before.focus(); }
            """);
        await page.Keyboard.PressAsync("Tab");
        var ring = await page.EvaluateAsync<FocusRing>(FocusRingScript);
        if (tag == "input")
        {
            // The field with room around it, so the ring outside the field is in the picture.
            var box = (await page.Locator(".form-field").Filter(new LocatorFilterOptions { Has = control }).BoundingBoxAsync())!;
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Shot("focus-field-en"),
                Clip = new Clip { X = box.X - 16, Y = box.Y - 12, Width = box.Width + 32, Height = box.Height + 24 },
            });
        }

        ring.Tag.ShouldBe(tag);
        ring.Style.ShouldBe("solid");
        ring.Width.ShouldBeGreaterThanOrEqualTo(2);
        ring.Contrast.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task FocusRing_OnTheNavyHeader_KeepsItsContrast()
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab"); // skip link
        await page.Keyboard.PressAsync("Tab"); // the portal's name on the navy bar

        var ring = await page.EvaluateAsync<FocusRing>(FocusRingScript);

        ring.Tag.ShouldBe("a");
        ring.Width.ShouldBeGreaterThanOrEqualTo(2);
        ring.Contrast.ShouldBeGreaterThanOrEqualTo(3);
    }
}
