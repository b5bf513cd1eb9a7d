using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;

namespace PortCooperation.BrowserTests;

/// <summary>The best-practice library in Chromium, over the seeded demo data (23 COVID-19 documents, each with a fact sheet).</summary>
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
        await page.WaitForURLAsync("**/library?kind=InternationalOrganisation");
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
        download.SuggestedFilename.ShouldEndWith("-fact-sheet.txt");
        download.SuggestedFilename.ShouldBe(Uri.UnescapeDataString(href[(href.LastIndexOf('/') + 1)..]));
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        System.Text.Encoding.UTF8.GetString(bytes).ShouldContain(title);
        // The same bytes as the server sends for that link.
        var served = await page.APIRequest.GetAsync(href);
        (await served.BodyAsync()).ShouldBe(bytes);
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
