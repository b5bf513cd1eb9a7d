using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin.Records;

/// <summary>Helpers shared by the tests of the staff record screens (/Admin/Countries, /Admin/Organisations, …).</summary>
internal static class RecordTestKit
{
    /// <summary>The first column of the list table, as displayed.</summary>
    public static async Task<List<string>> FirstColumnAsync(this HttpClient client, string url) =>
        [.. (await client.PageAsync(url)).QuerySelectorAll("#records tbody tr td:first-child").Select(td => Squash(td.TextContent))];

    /// <summary>The SQL commands one list request costs, after a warm-up request to another staff page.</summary>
    public static async Task<int> ListCommandsAsync(WebFactory factory, HttpClient client, string url, int expectedRows)
    {
        await client.PageAsync("/Admin/Audit");
        factory.SqlCommands.Reset();
        var page = await client.PageAsync(url);
        var count = factory.SqlCommands.Count;
        page.QuerySelectorAll("#records tbody tr").Length.ShouldBe(expectedRows);
        return count;
    }

    /// <summary>Posts the detail page's delete form, even when the page shows no button (a forged or stale post).</summary>
    public static async Task<HttpResponseMessage> ForceDeleteAsync(this HttpClient client, string controller, int id, long version)
    {
        var page = await client.PageAsync($"/Admin/{controller}/Details/{id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await client.PageAsync($"/Admin/{controller}/Edit/{id}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync($"/Admin/{controller}/Delete/{id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Version", version.ToString(CultureInfo.InvariantCulture))]));
    }

    public static async Task<string> AlertAsync(this HttpClient client, string url) =>
        Squash((await client.PageAsync(url)).QuerySelector("[role=alert]")?.TextContent);

    public static string? Value(this IHtmlDocument page, string selector) =>
        page.QuerySelector(selector) switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            IHtmlSelectElement select => select.Value,
            _ => null,
        };

    public static void ShouldRedirect(this HttpResponseMessage response, string because = "") =>
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, because);

    /// <summary>An app over a fresh database of the throw-away PostgreSQL cluster (for the [PostgresFact] halves of the concurrency tests).</summary>
    public static async Task<WebFactory> PostgresFactoryAsync(PostgresCluster cluster) => new(settings: new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSQL",
        ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync(),
    });

    /// <summary>Two staff members, Ana and José, signed in side by side for a stale-edit scenario.</summary>
    public static async Task<(HttpClient Ana, HttpClient Jose)> TwoEditorsAsync(this WebFactory factory) =>
        (await factory.SignedInStaffAsync("ana@example.org"), await factory.SignedInStaffAsync("jose@example.org"));

    /// <summary>The items of the conflict summary of a refused stale save, after checking it names the colleague.</summary>
    public static List<string> ConflictItems(this IHtmlDocument page, string colleague = "jose@example.org")
    {
        Squash(page.QuerySelector("#conflict-summary")!.TextContent).ShouldContain(colleague);
        return [.. page.QuerySelectorAll("#conflict-summary li").Select(li => Squash(li.TextContent))];
    }

    /// <summary>
    /// S-perf of the staff lists: seeds 10 and then 1,000 rows, each in a fresh app (<paramref name="seed"/> returns the
    /// list address to read), and checks the list costs at most five SQL commands, the same both times.
    /// </summary>
    public static async Task ShouldCostTheSameFor10And1000RowsAsync(Func<WebFactory, int, Task<string>> seed)
    {
        var counts = new List<int>();
        foreach (var rows in new[] { 10, 1000 })
        {
            using var factory = new WebFactory();
            var url = await seed(factory, rows);
            var client = await factory.SignedInStaffAsync();
            counts.Add(await ListCommandsAsync(factory, client, url, Math.Min(rows, 25)));
        }

        counts[0].ShouldBeLessThanOrEqualTo(5);
        counts[1].ShouldBe(counts[0]);
    }
}
