using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using AngleSharp.Html.Parser;

namespace PortCooperation.IntegrationTests.Web;

/// <summary>docs/quality.md P7: the home page's bytes over the wire, compression, and a year's cache for fingerprinted assets.</summary>
public sealed class PageWeightTests(WebFactoryFixture fixture) : IClassFixture<WebFactoryFixture>
{
    private const int Budget = 150 * 1024;
    private readonly WebFactory _factory = fixture.Factory;

    [Fact]
    public async Task HomePage_WithEverythingItLoads_IsUnder150KB_Compressed()
    {
        var client = CompressingClient();
        using var page = await client.GetAsync("/");
        page.Content.Headers.ContentEncoding.ShouldContain("br");
        var html = await page.Content.ReadAsByteArrayAsync();
        var document = new HtmlParser().ParseDocument(await Decompress(html));
        var assets = document.QuerySelectorAll("link[rel=stylesheet], link[rel=icon], script[src], img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(url => url.StartsWith('/'))
            .ToList();
        assets.ShouldNotBeEmpty();

        var total = html.Length;
        var sizes = new List<string> { $"/ {html.Length:N0} {string.Join(',', page.Content.Headers.ContentEncoding)}" };
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(asset);
            response.IsSuccessStatusCode.ShouldBeTrue(asset);
            var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            total += bytes;
            sizes.Add($"{asset} {bytes:N0} {string.Join(',', response.Content.Headers.ContentEncoding)}");
        }

        total.ShouldBeLessThan(Budget, $"home page and {assets.Count} assets, {total:N0} bytes: {string.Join("; ", sizes)}");
    }

    [Fact]
    public async Task LinkedAssets_AreFingerprinted_AndCachedForAYear()
    {
        var client = CompressingClient();
        var document = new HtmlParser().ParseDocument(await Decompress(await client.GetByteArrayAsync("/")));
        var stylesheets = document.QuerySelectorAll("link[rel=stylesheet]").Select(e => e.GetAttribute("href")!).ToList();

        stylesheets.ShouldNotBeEmpty();
        foreach (var href in stylesheets)
        {
            href.ShouldContain("?v=");
            using var response = await client.GetAsync(href);
            response.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365), href);
            response.Headers.CacheControl.Public.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task FingerprintedStylesheets_AreSentAtBrotlisHighestQuality_NotTheFastestLevelPagesUse()
    {
        var client = CompressingClient();
        var document = new HtmlParser().ParseDocument(await Decompress(await client.GetByteArrayAsync("/")));
        var stylesheets = document.QuerySelectorAll("link[rel=stylesheet]").Select(e => e.GetAttribute("href")!).ToList();

        stylesheets.ShouldNotBeEmpty();
        foreach (var href in stylesheets)
        {
            using var response = await client.GetAsync(href);
            response.Content.Headers.ContentEncoding.ShouldBe(["br"], href);
            var body = await response.Content.ReadAsByteArrayAsync();
            var original = await File.ReadAllBytesAsync(Path.Combine(WebRoot, href.Split('?')[0].TrimStart('/')));
            DecompressBytes(body).ShouldBe(original, href);
            body.Length.ShouldBeLessThan(BrotliLength(original, System.IO.Compression.CompressionLevel.Fastest), href);
            body.Length.ShouldBe(BrotliLength(original, System.IO.Compression.CompressionLevel.SmallestSize), href);
        }
    }

    [Fact]
    public async Task StaffAndSignInPages_AreNotCompressed()
    {
        using var response = await CompressingClient().GetAsync("/Identity/Account/Login");

        response.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }

    private HttpClient CompressingClient()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        return client;
    }

    private string WebRoot => _factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootPath;

    private static byte[] DecompressBytes(byte[] body)
    {
        using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
        using var content = new MemoryStream();
        brotli.CopyTo(content);
        return content.ToArray();
    }

    private static int BrotliLength(byte[] content, System.IO.Compression.CompressionLevel level)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(compressed, level, leaveOpen: true))
        {
            brotli.Write(content);
        }

        return (int)compressed.Length;
    }

    private static async Task<string> Decompress(byte[] body)
    {
        await using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(brotli);
        return await reader.ReadToEndAsync();
    }
}
