namespace PortCooperation.Web.Services.Statistics;

/// <summary>
/// One table of figures: a chart on the statistics page, its data table, its CSV and its JSON. <see cref="Columns"/>
/// name the value columns (e.g. "scholarships", "usd"); every row has one value per column.
/// The chart draws the first <see cref="ChartedColumns"/> columns as bars; the table and the CSV show them all.
/// </summary>
public sealed record Dataset(
    string Id,
    string Title,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> ColumnTitles,
    IReadOnlyList<DatasetRow> Rows,
    int ChartedColumns = 1);

/// <summary>A row: a stable key (year, ISO code, slug), its label in the reader's language, and its values.</summary>
public sealed record DatasetRow(string Key, string Label, IReadOnlyList<decimal> Values);

/// <summary>The datasets of one statistics page.</summary>
public sealed record StatisticsPage(string Id, IReadOnlyList<Dataset> Datasets);

/// <summary>
/// The headline of a statistics page for the landing page: its main total and a second figure (scholarships and
/// their USD, participants and the activities they came to, documents), added up from the page's first dataset so
/// the landing page and the page itself always agree.
/// </summary>
public sealed record StatisticsHeadline(string Page, decimal Value, decimal? Detail)
{
    public static StatisticsHeadline Of(StatisticsPage page)
    {
        IReadOnlyList<DatasetRow> rows = page.Datasets.Count == 0 ? [] : page.Datasets[0].Rows;
        decimal Sum(params int[] columns) => rows.Sum(r => columns.Where(c => c < r.Values.Count).Sum(c => r.Values[c]));
        return page.Id switch
        {
            StatisticsReader.Scholarships => new(page.Id, Sum(0), Sum(1)),
            StatisticsReader.Participation => new(page.Id, Sum(0, 1), Sum(2, 3)),
            _ => new(page.Id, Sum(0), null),
        };
    }
}
