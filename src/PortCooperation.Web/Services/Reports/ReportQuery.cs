using System.Globalization;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Reports;

/// <summary>What a report may be limited to: the member states, partner organisations and programmes on offer.</summary>
public sealed record ReportScopeChoices(IEnumerable<string> MemberStates, IEnumerable<int> Partners, IEnumerable<int> Programmes);

/// <summary>
/// The report's query string (<c>?period=quarter&amp;periodYear=2020&amp;periodQuarter=2&amp;scope=state&amp;state=PE</c>):
/// read and written here only, for the report form, its download and record links, the subscription form and the
/// quarterly mail's link. Anything missing falls back to the last complete quarter for everything.
/// </summary>
public static class ReportQuery
{
    public const string Quarter = "quarter";
    public const string Year = "year";
    public const string Custom = "custom";
    public const string All = "all";
    public const string RegionScope = "region";
    public const string StateScope = "state";
    public const string PartnerScope = "partner";
    public const string ProgrammeScope = "programme";

    /// <summary>The regions a report can be limited to, in the order the form lists them.</summary>
    public static IReadOnlyList<Region> Regions { get; } = [Region.NorthAmerica, Region.CentralAmerica, Region.SouthAmerica, Region.Caribbean];

    /// <summary>The period asked for, or null with <paramref name="error"/> naming the resource key of the problem.</summary>
    public static ReportPeriod? ParsePeriod(string? kind, int? year, int? quarter, DateOnly? from, DateOnly? to, DateOnly today, out string? error)
    {
        error = null;
        var fallback = ReportPeriod.LastCompleteQuarter(today);
        switch (kind ?? Quarter)
        {
            case Quarter:
                var quarterYear = year ?? fallback.From.Year;
                var number = quarter ?? fallback.QuarterNumber;
                if (!IsYear(quarterYear) || number is < 1 or > 4)
                {
                    error = "Report_Error_Quarter";
                    return null;
                }

                return ReportPeriod.Quarter(quarterYear, number);
            case Year:
                var wholeYear = year ?? fallback.From.Year;
                if (!IsYear(wholeYear))
                {
                    error = "Report_Error_Year";
                    return null;
                }

                return ReportPeriod.Year(wholeYear);
            case Custom:
                if (from is not { } first || to is not { } last || last < first || !IsYear(first.Year) || !IsYear(last.Year))
                {
                    error = "Report_Error_Range";
                    return null;
                }

                return new ReportPeriod(first, last);
            default:
                error = "Report_Error_Period";
                return null;
        }
    }

    /// <summary>The scope asked for, or null when it names nothing on offer.</summary>
    public static ReportScope? ParseScope(string? kind, Region? region, string? state, int? partner, int? programme, ReportScopeChoices choices) =>
        (kind ?? All) switch
        {
            All => ReportScope.Everything,
            RegionScope when region is { } r && Regions.Contains(r) => new ReportScope(r),
            StateScope when choices.MemberStates.FirstOrDefault(c => string.Equals(c, state, StringComparison.OrdinalIgnoreCase)) is { } code =>
                new ReportScope(CountryCode: code),
            PartnerScope when partner is { } id && choices.Partners.Contains(id) => new ReportScope(PartnerId: id),
            ProgrammeScope when programme is { } id && choices.Programmes.Contains(id) => new ReportScope(ProgrammeId: id),
            _ => null,
        };

    /// <summary>The value of <c>scope</c> that names this scope's kind.</summary>
    public static string ScopeKind(ReportScope? scope) => scope switch
    {
        { CountryCode: not null } => StateScope,
        { Region: not null } => RegionScope,
        { PartnerId: not null } => PartnerScope,
        { ProgrammeId: not null } => ProgrammeScope,
        _ => All,
    };

    /// <summary>
    /// The query values that reproduce a report: a calendar quarter as <c>period=quarter</c> when
    /// <paramref name="asQuarter"/> (the mail's link, which reads as the quarter), any period otherwise as its dates.
    /// </summary>
    public static Dictionary<string, string?> Values(ReportPeriod period, ReportScope scope, bool asQuarter = false)
    {
        var values = asQuarter && period.IsQuarter
            ? new Dictionary<string, string?>
            {
                ["period"] = Quarter,
                ["periodYear"] = period.From.Year.ToString(CultureInfo.InvariantCulture),
                ["periodQuarter"] = period.QuarterNumber.ToString(CultureInfo.InvariantCulture),
            }
            : new Dictionary<string, string?>
            {
                ["period"] = Custom,
                ["from"] = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["to"] = period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        values["scope"] = ScopeKind(scope);
        values[RegionScope] = scope.Region?.ToString();
        values[StateScope] = scope.CountryCode;
        values[PartnerScope] = scope.PartnerId?.ToString(CultureInfo.InvariantCulture);
        values[ProgrammeScope] = scope.ProgrammeId?.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    /// <summary>The values as a query string (without "?"), leaving out the empty ones.</summary>
    public static string QueryString(Dictionary<string, string?> values) =>
        string.Join('&', values.Where(v => v.Value is not null).Select(v => v.Key + "=" + Uri.EscapeDataString(v.Value!)));

    private static bool IsYear(int year) => year is >= 1990 and <= 2100;
}
