using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Services.Reports;
using PortCooperation.Web.Services.Statistics;

namespace PortCooperation.Web.Controllers;

/// <summary>
/// /statistics: public key figures with charts (server-rendered SVG, each with its data table and a CSV download).
/// Every page is cached and evicted when a record of a kind it shows is saved.
/// </summary>
[Route("statistics")]
public sealed class StatisticsController(StatisticsReader reader) : Controller
{
    private const string Cached = PublicPageCache.Policy;

    [HttpGet("")]
    [OutputCache(PolicyName = Cached, Tags = [CacheTags.Scholarships, CacheTags.Activities, CacheTags.Registrations, CacheTags.Library, CacheTags.Countries])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var headlines = new List<StatisticsHeadline>();
        foreach (var page in StatisticsReader.Pages)
        {
            headlines.Add(StatisticsHeadline.Of(await reader.ReadAsync(page, cancellationToken)));
        }

        return View(headlines);
    }

    [HttpGet("{page}")]
    [OutputCache(PolicyName = Cached, Tags = [CacheTags.Scholarships, CacheTags.Activities, CacheTags.Registrations, CacheTags.Library, CacheTags.Countries])]
    public async Task<IActionResult> Page(string page, CancellationToken cancellationToken)
    {
        if (!StatisticsReader.Pages.Contains(page))
        {
            return NotFound();
        }

        return View("Page", await reader.ReadAsync(page, cancellationToken));
    }

    [HttpGet("{page}/{dataset}.csv")]
    [OutputCache(PolicyName = Cached, Tags = [CacheTags.Scholarships, CacheTags.Activities, CacheTags.Registrations, CacheTags.Library, CacheTags.Countries])]
    public async Task<IActionResult> Csv(string page, string dataset, CancellationToken cancellationToken)
    {
        if (!StatisticsReader.Pages.Contains(page))
        {
            return NotFound();
        }

        var data = (await reader.ReadAsync(page, cancellationToken)).Datasets.FirstOrDefault(d => d.Id == dataset);
        if (data is null)
        {
            return NotFound();
        }

        var csv = new CsvWriter().Row([CsvWriter.Text("key"), CsvWriter.Text("label"), .. data.Columns.Select(CsvWriter.Text)]);
        foreach (var row in data.Rows)
        {
            csv.Row([CsvWriter.Text(row.Key), CsvWriter.Text(row.Label), .. row.Values.Select(CsvWriter.Number)]);
        }

        return File(csv.ToBytes(), "text/csv; charset=utf-8", $"{data.Id}.csv");
    }
}
