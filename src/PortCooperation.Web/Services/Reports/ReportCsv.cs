using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PortCooperation.Web.Services.Reports;

/// <summary>
/// The figures of the executive report as CSV: one row per figure, section by section, with this period, the previous
/// one and the change. The value cells stay plain numbers (a spreadsheet sums them); two last columns say "at least"
/// where a value is only a minimum, and then no change is given. A figure without comparison leaves the previous and
/// change cells empty.
/// </summary>
public static class ReportCsv
{
    public static byte[] Write(ExecutiveReport report, string scopeText, IStringLocalizer text)
    {
        var period = report.Period;
        var culture = CultureInfo.CurrentUICulture;
        var csv = new CsvWriter()
            .Row(CsvWriter.Text(text["Report_Csv_Section"]), CsvWriter.Text(text["Report_Csv_Key"]),
                CsvWriter.Text(text["Report_Column_Indicator"]), CsvWriter.Text(period.Label(culture)),
                CsvWriter.Text(period.Previous.Label(culture)), CsvWriter.Text(text["Report_Column_Change"]),
                CsvWriter.Text(text["Report_Csv_Scope"]), CsvWriter.Text(text["Report_Csv_CurrentAtLeast"]),
                CsvWriter.Text(text["Report_Csv_PreviousAtLeast"]));
        var yes = text["Report_AtLeast"].Value;
        foreach (var section in report.Sections)
        {
            foreach (var figure in section.Figures)
            {
                csv.Row(CsvWriter.Text(section.Key), CsvWriter.Text(figure.Key), CsvWriter.Text(text[figure.ResourceKey]),
                    CsvWriter.Number(figure.Current),
                    figure.IsComparable ? CsvWriter.Number(figure.Previous) : "",
                    figure.IsComparable && !figure.IsAtLeast ? CsvWriter.Number(figure.Change) : "",
                    CsvWriter.Text(scopeText),
                    figure.CurrentIsAtLeast ? CsvWriter.Text(yes) : "",
                    figure.IsComparable && figure.PreviousIsAtLeast ? CsvWriter.Text(yes) : "");
            }
        }

        return csv.ToBytes();
    }
}
