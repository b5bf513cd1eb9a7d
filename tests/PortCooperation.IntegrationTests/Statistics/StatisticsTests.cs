using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using PortCooperation.IntegrationTests.Reports;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Statistics;

/// <summary>Public statistics pages, their CSV files and the JSON API with its OpenAPI document.</summary>
public sealed class StatisticsTests(DemoDataFactory app) : IClassFixture<DemoDataFactory>
{
    private static string Cell(IHtmlDocument page, string dataset, string key, string column) =>
        Squash(page.QuerySelector($"#{dataset}-table tr[data-key='{key}'] td[data-column='{column}']")?.TextContent);

    [Fact]
    public async Task Scholarships_ByYearRegionStateAndGender_WithChartsAndTables()
    {
        var page = await app.Factory.CreateClient().GetDocumentAsync("/statistics/scholarships");

        page.QuerySelectorAll("h1").Length.ShouldBe(1);
        Cell(page, "scholarships-by-year", "2019", "scholarships").ShouldBe("273");
        Cell(page, "scholarships-by-year", "2019", "usd").ShouldBe("USD 723,783");
        Cell(page, "scholarships-by-gender", "female", "scholarships").ShouldBe("100");
        Cell(page, "scholarships-by-gender", "male", "scholarships").ShouldBe("173");
        page.QuerySelectorAll("#scholarships-by-member-state-table tbody tr").Length.ShouldBe(31);
        page.QuerySelectorAll("#scholarships-by-region-table tbody tr").Select(r => r.GetAttribute("data-key"))
            .ShouldBe(["central-america", "south-america", "caribbean", "north-america"], ignoreOrder: true);
        var chart = page.QuerySelector("#scholarships-by-year svg.chart")!;
        chart.GetAttribute("role").ShouldBe("img");
        Squash(chart.QuerySelector("title")!.TextContent).ShouldBe("Scholarships by year");
        chart.QuerySelector("rect[data-value='273']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Participation_ByYearAndByCountry()
    {
        var page = await app.Factory.CreateClient().GetDocumentAsync("/statistics/participation");

        Cell(page, "participation-by-year", "2020", "webinar-participants").ShouldBe("1,340");
        Cell(page, "participation-by-year", "2020", "course-participants").ShouldBe("132");
        Cell(page, "participation-by-year", "2020", "webinars").ShouldBe("6");
        Cell(page, "participation-by-year", "2020", "courses").ShouldBe("4");
        Cell(page, "participation-by-country", "PE", "courses").ShouldBe("4");
        Cell(page, "participation-by-country", "MS", "courses").ShouldBe("1");
        page.QuerySelectorAll("#participation-by-year svg .chart__legend").Length.ShouldBe(2);
    }

    [Fact]
    public async Task Documents_ByRegionAndTopic()
    {
        var page = await app.Factory.CreateClient().GetDocumentAsync("/statistics/documents?culture=es");

        page.QuerySelectorAll("#documents-by-region-table tbody tr")
            .Select(r => $"{Squash(r.QuerySelector("th")!.TextContent)} {Squash(r.QuerySelector("td")!.TextContent)}")
            .ShouldBe([
                "Organismos internacionales 7", "América del Norte 3", "Centroamérica 3", "América del Sur 5", "Caribe 5",
            ]);
        Cell(page, "documents-by-topic", "covid-19", "documents").ShouldBe("23");
        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Documentos de buenas prácticas");
    }

    [Fact]
    public async Task EveryChart_HasACsvDownload_WithTheTablesFigures()
    {
        var client = app.Factory.CreateClient();
        var page = await client.GetDocumentAsync("/statistics/scholarships");
        var link = page.QuerySelector("#scholarships-by-year a[download]")!.GetAttribute("href")!;

        using var response = await client.GetAsync(link);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("key,label,scholarships,usd");
        lines.ShouldContain("2019,2019,273,723783");
        foreach (var section in new[] { "scholarships", "participation", "documents" })
        {
            var html = await client.GetDocumentAsync($"/statistics/{section}");
            foreach (var download in html.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")!))
            {
                (await client.GetAsync(download)).StatusCode.ShouldBe(HttpStatusCode.OK, download);
            }
        }
    }

    // The landing page shows each page's headline figures, read by the same reader as the pages (so they agree):
    // its budget is the three pages' commands together.
    [Theory]
    [InlineData("/statistics", 6)]
    [InlineData("/statistics/scholarships", 3)]
    [InlineData("/statistics/participation", 3)]
    [InlineData("/statistics/documents", 3)]
    public async Task Pages_HaveNoInlineScriptOrStyle_AndKeepToTheirSqlCommandBudget(string url, int commands)
    {
        var client = app.Factory.CreateClient();
        (await client.GetAsync("/statistics/documents?warm-up=" + Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Factory.SqlCommands.Reset();

        var page = await client.GetDocumentAsync($"{url}?uncached={Guid.NewGuid():N}");

        app.Factory.SqlCommands.Count.ShouldBeLessThanOrEqualTo(commands);
        page.QuerySelectorAll("style, [style]").Length.ShouldBe(0);
        page.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"));
        page.QuerySelector("input[name=__RequestVerificationToken]").ShouldBeNull();
    }

    [Fact]
    public async Task Pages_AreServedFromTheOutputCache()
    {
        var client = app.Factory.CreateClient();
        (await client.GetAsync("/statistics/participation")).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Factory.SqlCommands.Reset();

        (await client.GetAsync("/statistics/participation")).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Factory.SqlCommands.Count.ShouldBe(0);
    }

    [Theory]
    [InlineData("/statistics/nothing")]
    [InlineData("/statistics/scholarships/nothing.csv")]
    [InlineData("/statistics/nothing/scholarships-by-year.csv")]
    public async Task UnknownStatistics_Are404(string url)
    {
        using var response = await app.Factory.CreateClient().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Api_GivesTheSameFiguresAsThePage()
    {
        var client = app.Factory.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/statistics/scholarships"));

        json.RootElement.GetProperty("id").GetString().ShouldBe("scholarships");
        var byYear = json.RootElement.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "scholarships-by-year");
        byYear.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ShouldBe(["scholarships", "usd"]);
        var row2019 = byYear.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "2019");
        row2019.GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()).ShouldBe([273m, 723_783m]);
        using var participation = JsonDocument.Parse(await client.GetStringAsync("/api/statistics/participation?culture=es"));
        participation.RootElement.GetProperty("datasets")[0].GetProperty("title").GetString().ShouldBe("Participantes en webinars y cursos por año");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryApiPath_AndItsResponseShape()
    {
        var client = app.Factory.CreateClient();

        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldBe(["/api/statistics/scholarships", "/api/statistics/participation", "/api/statistics/documents"], ignoreOrder: true);
        var schemas = openApi.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var path in paths)
        {
            // Each described path answers, and every property of the real answer is in the described schema.
            using var answer = JsonDocument.Parse(await client.GetStringAsync(path));
            var reference = openApi.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses")
                .GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
            var schema = schemas.GetProperty(reference.Split('/')[^1]);
            var described = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
            answer.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(described, ignoreOrder: true);
            var datasetSchema = schemas.GetProperty("Dataset").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
            answer.RootElement.GetProperty("datasets")[0].EnumerateObject().Select(p => p.Name).ShouldBe(datasetSchema, ignoreOrder: true);
        }
    }
}
