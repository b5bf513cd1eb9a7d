using System.Net;
using PortCooperation.IntegrationTests.Web;

namespace PortCooperation.IntegrationTests.Places;

/// <summary>Unknown codes and slugs are 404; malformed or unexpected query strings never break a page.</summary>
public sealed class PlacesStatusTests : IClassFixture<PlacesStatusTests.Factory>
{
    private readonly HttpClient _client;

    public PlacesStatusTests(Factory factory) => _client = factory.CreateClient();

    public static TheoryData<string> UnknownAddresses { get; } = new()
    {
        "/member-states/zz",
        "/member-states/xyz",
        "/member-states/p1",
        "/member-states/pe/extra",
        "/member-states/%C3%B1a",
        "/partners/no-such-partner",
        "/partners/%E2%9C%93",
        "/partners/imo/extra",
        "/partners/" + new string('a', 500),
        "/port-network/peru",
    };

    public static TheoryData<string> JunkQueries { get; } = new()
    {
        "/member-states?page=-1&sort=%ZZ&region[]=x",
        "/member-states/pe?culture=xx&q=%3Cscript%3E",
        "/member-states/PE",
        "/port-network?phase=%ZZ&country[]=1&page=-5",
        "/port-network/",
        "/partners?kind=%ZZ&page=-1",
        "/partners?sort[]=x&culture=zz",
    };

    [Theory]
    [MemberData(nameof(UnknownAddresses))]
    public async Task UnknownCodeOrSlug_Is404(string url)
    {
        using var response = await _client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(JunkQueries))]
    public async Task JunkQueryStringsAndUpperCaseCodes_StillServeThePage(string url)
    {
        using var response = await _client.GetAsync(url);

        // The page itself with its heading, not an error page answered with 200.
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await WebTestData.ParseAsync(response);
        page.QuerySelector(".error-page").ShouldBeNull();
        page.QuerySelector("main h1")!.TextContent.Trim().ShouldNotBeEmpty();
    }

    /// <summary>One app for all the cases (reference data only; nothing here writes).</summary>
    public sealed class Factory : IDisposable
    {
        private readonly WebFactory _factory = new();

        public HttpClient CreateClient() => _factory.CreateClient();

        public void Dispose() => _factory.Dispose();
    }
}
