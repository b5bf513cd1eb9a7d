using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Reports;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>
/// The report form (GET query string): period kind with its year, quarter or dates, and the scope. Anything missing
/// falls back to the last complete quarter for everything; anything malformed is reported on the form.
/// </summary>
public sealed class ReportInput
{
    public const string Quarter = "quarter";
    public const string Year = "year";
    public const string Custom = "custom";
    public const string All = "all";
    public const string RegionScope = "region";
    public const string StateScope = "state";
    public const string PartnerScope = "partner";
    public const string ProgrammeScope = "programme";

    public string? Period { get; set; }

    public int? PeriodYear { get; set; }

    public int? PeriodQuarter { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string? Scope { get; set; }

    public Region? Region { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the member state.</summary>
    public string? State { get; set; }

    /// <summary>Id of the partner organisation.</summary>
    public int? Partner { get; set; }

    /// <summary>Id of the programme.</summary>
    public int? Programme { get; set; }

    /// <summary>The period asked for, or null with <paramref name="error"/> naming the resource key of the problem.</summary>
    public ReportPeriod? ResolvePeriod(DateOnly today, out string? error)
    {
        error = null;
        var fallback = ReportPeriod.LastCompleteQuarter(today);
        switch (Period ?? Quarter)
        {
            case Quarter:
                var year = PeriodYear ?? fallback.From.Year;
                var quarter = PeriodQuarter ?? (fallback.From.Month - 1) / 3 + 1;
                if (!IsYear(year) || quarter is < 1 or > 4)
                {
                    error = "Report_Error_Quarter";
                    return null;
                }

                return ReportPeriod.Quarter(year, quarter);
            case Year:
                var wholeYear = PeriodYear ?? fallback.From.Year;
                if (!IsYear(wholeYear))
                {
                    error = "Report_Error_Year";
                    return null;
                }

                return ReportPeriod.Year(wholeYear);
            case Custom:
                if (From is not { } from || To is not { } to || to < from || !IsYear(from.Year) || !IsYear(to.Year))
                {
                    error = "Report_Error_Range";
                    return null;
                }

                return new ReportPeriod(from, to);
            default:
                error = "Report_Error_Period";
                return null;
        }
    }

    /// <summary>Copies the resolved period back so the form shows what the report covers.</summary>
    public void Normalise(ReportPeriod period)
    {
        Period ??= Quarter;
        PeriodYear ??= period.From.Year;
        PeriodQuarter ??= (period.From.Month - 1) / 3 + 1;
        From ??= period.From;
        To ??= period.To;
        Scope ??= All;
    }

    /// <summary>The query string that reproduces this report (for links to records, CSV and Word).</summary>
    public Dictionary<string, string?> RouteValues(ReportPeriod period) => new()
    {
        ["period"] = Custom,
        ["from"] = period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["scope"] = Scope ?? All,
        ["region"] = Scope == RegionScope ? Region?.ToString() : null,
        ["state"] = Scope == StateScope ? State : null,
        ["partner"] = Scope == PartnerScope ? Partner?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        ["programme"] = Scope == ProgrammeScope ? Programme?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    private static bool IsYear(int year) => year is >= 1990 and <= 2100;
}
