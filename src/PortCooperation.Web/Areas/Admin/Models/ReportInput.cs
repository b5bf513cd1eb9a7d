using Microsoft.AspNetCore.Mvc;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Reports;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>
/// The report form (GET query string): period kind with its year, quarter or dates, and the scope, read by
/// <see cref="ReportQuery"/>. Anything missing falls back to the last complete quarter for everything; anything
/// malformed is reported on the form.
/// </summary>
public sealed class ReportInput
{
    public const string Quarter = ReportQuery.Quarter;
    public const string Year = ReportQuery.Year;
    public const string Custom = ReportQuery.Custom;
    public const string All = ReportQuery.All;
    public const string RegionScope = ReportQuery.RegionScope;
    public const string StateScope = ReportQuery.StateScope;
    public const string PartnerScope = ReportQuery.PartnerScope;
    public const string ProgrammeScope = ReportQuery.ProgrammeScope;

    [FromQuery(Name = "period")]
    public string? Period { get; set; }

    [FromQuery(Name = "periodYear")]
    public int? PeriodYear { get; set; }

    [FromQuery(Name = "periodQuarter")]
    public int? PeriodQuarter { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "scope")]
    public string? Scope { get; set; }

    [FromQuery(Name = "region")]
    public Region? Region { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the member state.</summary>
    [FromQuery(Name = "state")]
    public string? State { get; set; }

    /// <summary>Id of the partner organisation.</summary>
    [FromQuery(Name = "partner")]
    public int? Partner { get; set; }

    /// <summary>Id of the programme.</summary>
    [FromQuery(Name = "programme")]
    public int? Programme { get; set; }

    /// <summary>The period asked for, or null with <paramref name="error"/> naming the resource key of the problem.</summary>
    public ReportPeriod? ResolvePeriod(DateOnly today, out string? error) =>
        ReportQuery.ParsePeriod(Period, PeriodYear, PeriodQuarter, From, To, today, out error);

    /// <summary>The scope asked for, or null when it names nothing on offer.</summary>
    public ReportScope? ResolveScope(ReportScopeChoices choices) => ReportQuery.ParseScope(Scope, Region, State, Partner, Programme, choices);

    /// <summary>Copies the resolved period back so the form shows what the report covers.</summary>
    public void Normalise(ReportPeriod period)
    {
        Period ??= Quarter;
        PeriodYear ??= period.From.Year;
        PeriodQuarter ??= period.QuarterNumber;
        From ??= period.From;
        To ??= period.To;
        Scope ??= All;
    }
}
