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
