using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;

namespace PortCooperation.BrowserTests;

/// <summary>The best-practice library in Chromium, over the seeded demo data (23 COVID-19 documents, each with a PDF written at seed time).</summary>
[Collection(BrowserCollection.Name)]
public sealed class LibraryTests(BrowserApp app)
{
    private const string Document = "/library/covid-19-imo-crew-change-protocols";
    private const string Collection = "/library/collections/covid-19-best-practices";

    [Fact]
    public async Task Visitor_FiltersSearchesOpensADocument_AndDownloadsItsAttachment()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/library");
        (await page.Locator("#results-heading").InnerTextAsync()).ShouldBe("Documents 1–20 of 23");

        // With JavaScript, ticking a box applies the filter at once.
        await page.Locator("#facet-kind").GetByLabel("International organisation").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/library?kind=InternationalOrganisation", StringComparison.Ordinal));
        page.Url.ShouldEndWith("#f-kind-InternationalOrganisation", Case.Sensitive, "the page returns to the ticked box");
        (await page.Locator("#results-heading").InnerTextAsync()).ShouldBe("Documents 1–7 of 7");
        (await page.Locator("#facet-kind").GetByLabel("International organisation").IsCheckedAsync()).ShouldBeTrue();

        await page.GetByLabel("Search the library").FillAsync("crew");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        page.Url.ShouldContain("kind=InternationalOrganisation");
        (await page.Locator("#results-heading").InnerTextAsync()).ShouldStartWith("Results 1–");
        (await page.Locator("#library-results mark").CountAsync()).ShouldBeGreaterThan(0);
        var first = page.Locator("#library-results .doc-card__title a").First;
        var title = await first.InnerTextAsync();
        title.ShouldContain("crew", Case.Insensitive);

        await first.ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(title);
        var link = page.Locator(".attachment").First;
        var href = (await link.GetAttributeAsync("href"))!;
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".pdf");
        download.SuggestedFilename.ShouldBe(Uri.UnescapeDataString(href[(href.LastIndexOf('/') + 1)..]));
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        // The same bytes as the server sends for that link.
        var served = await page.APIRequest.GetAsync(href);
        (await served.BodyAsync()).ShouldBe(bytes);
    }

    [Theory]
    [InlineData("Perú", "en")]
    [InlineData("Peru", "es")]
    [InlineData("COVID-19 Peru", "en")]
    public async Task Searching_ForPeru_ListsPerusDocumentsFirst(string words, string culture)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { Locale = culture });
        await page.GotoAsync("/library");

        await page.Locator("#library-q").FillAsync(words);
        await page.Locator("#library-q").PressAsync("Enter");
        await page.WaitForURLAsync("**/library?q=*");

        var place = culture == "es" ? "Perú" : "Peru";
        (await page.Locator("#library-results .doc-card").First.Locator(".tag--place").InnerTextAsync()).ShouldBe(place);
        // The search named a country: a link applies that facet.
        var suggestion = page.Locator(".library-suggestion", new() { HasText = place });
        await suggestion.ClickAsync();
        page.Url.ShouldContain("country=PE");
        var places = await page.Locator("#library-results .doc-card .tag--place").AllInnerTextsAsync();
        places.ShouldNotBeEmpty();
        places.ShouldAllBe(p => p == place);
    }

    [Fact]
    public async Task TickingAFacet_KeepsTheFocusOnItsBox_AndKeyboardUsersPassGroupsQuickly()
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 700 } });
        await page.GotoAsync("/library");

        var spanish = page.Locator("#f-language-es");
        await spanish.ScrollIntoViewIfNeededAsync();
        await spanish.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.WaitForURLAsync("**/library?language=es#f-language-es");

        (await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id")).ShouldBe("f-language-es");
        (await spanish.IsCheckedAsync()).ShouldBeTrue();
        (await page.EvaluateAsync<int>("() => window.scrollY")).ShouldBeGreaterThan(0, "the page opens where the box is, not at the top");

        // Each facet group is a heading, and long groups show their first values only: from the first box of the
        // country group, a few Tabs reach the next group.
        (await page.Locator(".library__facets h3").CountAsync()).ShouldBeGreaterThanOrEqualTo(5);
        await page.Locator("#facet-country .facet__check").First.FocusAsync();
        var tabs = 0;
        while (tabs < 12 && await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('#facet-country')"))
        {
            await page.Keyboard.PressAsync("Tab");
            tabs++;
        }

        tabs.ShouldBeLessThanOrEqualTo(7);
    }

    [Fact]
    public async Task HomePage_SearchBox_SearchesTheLibrary()
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { Locale = "es" });
        await page.GotoAsync("/");

        await page.GetByLabel("Buscar en la biblioteca de buenas prácticas: un país, un tema, una organización").FillAsync("Perú");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/library?q=*");
        (await page.Locator("#library-results .doc-card").First.Locator(".tag--place").InnerTextAsync()).ShouldBe("Perú");
    }

    [Fact]
    public async Task Library_WithJavaScriptOff_FiltersAndSorts()
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await page.GotoAsync("/library");

        // Two regions ticked: documents of either (OR within a facet), applied with the form's button.
        await page.Locator("#facet-region").GetByLabel("South America").CheckAsync();
        await page.Locator("#facet-region").GetByLabel("Caribbean").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        (await page.Locator("#results-heading").InnerTextAsync()).ShouldBe("Documents 1–10 of 10");
        page.Url.ShouldContain("region=SouthAmerica");
        page.Url.ShouldContain("region=Caribbean");

        // Removing one of them keeps the other.
        await page.Locator(".active-filter", new() { HasText = "Caribbean" }).ClickAsync();
        (await page.Locator("#results-heading").InnerTextAsync()).ShouldBe("Documents 1–5 of 5");
        await page.GetByLabel("Sort by").SelectOptionAsync("title");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sort", Exact = true }).ClickAsync();

        (await page.Locator("#results-heading").InnerTextAsync()).ShouldBe("Documents 1–5 of 5");
        var titles = await page.Locator("#library-results .doc-card__title").AllInnerTextsAsync();
        titles.ShouldBe(titles.Order(StringComparer.OrdinalIgnoreCase).ToList());
    }

    [Theory]
    [InlineData("/library")]
    [InlineData("/library?q=crew+change")]
    [InlineData("/library?q=Per%C3%BA&culture=es")]
    [InlineData("/")]
    [InlineData("/library?culture=es&region=Caribbean")]
    [InlineData(Document)]
    [InlineData(Collection)]
    [InlineData(Collection + "?culture=es")]
    public async Task LibraryPage_HasNoAxeViolations(string url)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true });
        await page.GotoAsync(url);

        var violations = await Axe.ViolationsAsync(page);

        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [InlineData("/library")]
    [InlineData("/library?q=crew+change&culture=es")]
    [InlineData(Document)]
    [InlineData(Collection)]
    public async Task LibraryPage_At320PixelsWide_DoesNotScrollSideways(string url)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        await page.GotoAsync(url);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        overflow.ShouldBeLessThanOrEqualTo(0);
    }
}
