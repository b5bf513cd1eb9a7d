using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Content;
using PortCooperation.Web.Services.Reports;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Reports: the executive report for a period and scope, and the records behind each figure.</summary>
public sealed class ReportsController(
    ExecutiveReportReader reader,
    ReportRecordsReader records,
    PortalDbContext db,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
    : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(ReportInput input, CancellationToken cancellationToken)
    {
        var choices = await ChoicesAsync(cancellationToken);
        var (period, scope) = Resolve(input, choices);
        if (period is null || scope is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new ReportPageModel
            {
                Input = input, MemberStates = choices.MemberStates, Partners = choices.Partners, Programmes = choices.Programmes,
                Subscription = await SubscriptionAsync(choices, cancellationToken),
            });
        }

        input.Normalise(period);
        var report = await reader.ReadAsync(period, scope, cancellationToken);
        return View(new ReportPageModel
        {
            Input = input,
            MemberStates = choices.MemberStates,
            Partners = choices.Partners,
            Programmes = choices.Programmes,
            Report = report,
            ScopeText = ScopeText(report),
            RouteValues = ReportQuery.Values(period, scope),
            Subscription = await SubscriptionAsync(choices, cancellationToken),
        });
    }

    /// <summary>Subscribes the signed-in staff member to the quarterly report (or changes the language or scope).</summary>
    [HttpPost]
    public async Task<IActionResult> Subscribe(ReportSubscriptionInput input, CancellationToken cancellationToken)
    {
        var choices = await ChoicesAsync(cancellationToken);
        var language = input.Language is "en" or "es" ? input.Language : null;
        // The scope of the report shown, checked against the same choices the report form offers.
        var scope = input.ResolveScope(choices.Offered);
        if (language is null || scope is null || !ModelState.IsValid)
        {
            TempData["StaffError"] = localizer["ReportSubscription_Invalid"].Value;
            return RedirectToAction(nameof(Index), null, null, "subscription");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subscription = await db.ReportSubscriptions.SingleOrDefaultAsync(s => s.UserId == UserId, cancellationToken);
        if (subscription is null)
        {
            subscription = new Domain.ReportSubscription { UserId = UserId, CreatedAtUtc = now };
            db.ReportSubscriptions.Add(subscription);
        }

        subscription.Language = language;
        subscription.Region = scope.Region;
        subscription.CountryCode = scope.CountryCode;
        subscription.PartnerId = scope.PartnerId;
        subscription.ProgrammeId = scope.ProgrammeId;
        subscription.UpdatedAtUtc = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person subscribed from another tab a moment ago: the unique index kept one subscription.
        }

        TempData["StaffMessage"] = localizer["ReportSubscription_Saved"].Value;
        return RedirectToAction(nameof(Index), null, null, "subscription");
    }

    /// <summary>Ends the signed-in staff member's quarterly report subscription.</summary>
    [HttpPost]
    public async Task<IActionResult> Unsubscribe(CancellationToken cancellationToken)
    {
        var subscription = await db.ReportSubscriptions.SingleOrDefaultAsync(s => s.UserId == UserId, cancellationToken);
        if (subscription is not null)
        {
            db.ReportSubscriptions.Remove(subscription);
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["StaffMessage"] = localizer["ReportSubscription_Removed"].Value;
        return RedirectToAction(nameof(Index), null, null, "subscription");
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private async Task<ReportSubscriptionView?> SubscriptionAsync(ScopeChoices choices, CancellationToken cancellationToken)
    {
        var userId = UserId;
        var row = await db.ReportSubscriptions.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.Language, s.Region, s.CountryCode, s.PartnerId, s.ProgrammeId })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var scopeText = row switch
        {
            { CountryCode: { } code } => choices.MemberStates.FirstOrDefault(c => c.Code == code)?.Name.Text ?? code,
            { Region: { } region } => localizer[$"Report_Region_{region}"].Value,
            { PartnerId: { } partner } => choices.Partners.FirstOrDefault(p => p.Id == partner)?.Name ?? localizer["Report_Form_Partner"].Value,
            { ProgrammeId: { } programme } => choices.Programmes.FirstOrDefault(p => p.Id == programme)?.Name ?? localizer["Report_Form_Programme"].Value,
            _ => localizer["Report_Scope_Everything"].Value,
        };
        return new ReportSubscriptionView(row.Language, scopeText);
    }

    /// <summary>The figures of the report as CSV (see <see cref="ReportCsv"/>).</summary>
    [HttpGet]
    public async Task<IActionResult> Csv(ReportInput input, CancellationToken cancellationToken)
    {
        var (period, scope) = Resolve(input, await ChoicesAsync(cancellationToken));
        if (period is null || scope is null)
        {
            return BadRequest();
        }

        var report = await reader.ReadAsync(period, scope, cancellationToken);
        return File(ReportCsv.Write(report, ScopeText(report), localizer), "text/csv; charset=utf-8", FileName(report, "csv"));
    }

    /// <summary>The report as an editable Word document.</summary>
    [HttpGet]
    public async Task<IActionResult> Word(ReportInput input, [FromServices] WordReportWriter word, CancellationToken cancellationToken)
    {
        var (period, scope) = Resolve(input, await ChoicesAsync(cancellationToken));
        if (period is null || scope is null)
        {
            return BadRequest();
        }

        var report = await reader.ReadAsync(period, scope, cancellationToken);
        return File(word.Write(report, ScopeText(report)),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileName(report, "docx"));
    }

    [HttpGet]
    public async Task<IActionResult> Records(ReportInput input, string? set, string? which, CancellationToken cancellationToken)
    {
        var model = await ReadRecordsAsync(input, set, which, cancellationToken);
        return model is null ? BadRequest() : View(model);
    }

    /// <summary>The same rows as <see cref="Records"/>, as CSV (formula-like cells neutralised by CsvWriter.Text).</summary>
    [HttpGet]
    public async Task<IActionResult> RecordsCsv(ReportInput input, string? set, string? which, CancellationToken cancellationToken)
    {
        var model = await ReadRecordsAsync(input, set, which, cancellationToken);
        if (model is null)
        {
            return BadRequest();
        }

        var csv = new CsvWriter().Row(CsvWriter.Text(localizer["Report_Records_Record"]), CsvWriter.Text(localizer["Report_Records_When"]),
            CsvWriter.Text(localizer["Report_Records_Detail"]), CsvWriter.Text(localizer["Report_Records_Figure"]));
        foreach (var row in model.Rows)
        {
            csv.Row(CsvWriter.Text(row.Title), CsvWriter.Text(row.When), CsvWriter.Text(row.Detail), CsvWriter.Text(row.Figure));
        }
        var name = $"report-{model.Set}-{model.Period.From:yyyy-MM-dd}-{model.Period.To:yyyy-MM-dd}.csv";
        return File(csv.ToBytes(), "text/csv; charset=utf-8", name);
    }

    private async Task<ReportRecordsModel?> ReadRecordsAsync(ReportInput input, string? set, string? which, CancellationToken cancellationToken)
    {
        var choices = await ChoicesAsync(cancellationToken);
        var (period, scope) = Resolve(input, choices);
        if (period is null || scope is null || set is null || !ReportRecordsReader.Sets.Contains(set))
        {
            return null;
        }

        var previous = string.Equals(which, "previous", StringComparison.Ordinal);
        var (total, rows) = await records.ReadAsync(set, previous ? period.Previous : period, scope, cancellationToken);
        return new ReportRecordsModel
        {
            Set = set,
            Previous = previous,
            Period = previous ? period.Previous : period,
            ScopeName = await reader.ScopeNameAsync(scope, CultureInfo.CurrentUICulture, cancellationToken),
            Total = total,
            Rows = rows,
            RouteValues = ReportQuery.Values(period, scope),
        };
    }

    private sealed record ScopeChoices(List<CountryName> MemberStates, List<ScopeChoice> Partners, List<ScopeChoice> Programmes)
    {
        public ReportScopeChoices Offered => new(MemberStates.Select(c => c.Code), Partners.Select(p => p.Id), Programmes.Select(p => p.Id));
    }

    /// <summary>What a report can be limited to: member states, organisations that took part in an activity, programmes.</summary>
    private async Task<ScopeChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var comparer = StringComparer.Create(culture, true);
        var rows = await db.Countries.AsNoTracking().Where(c => c.IsMemberState)
            .Select(c => new { c.Code, c.NameEn, c.NameEs })
            .ToListAsync(cancellationToken);
        var partners = await db.Organisations.AsNoTracking().Where(o => db.ActivityPartners.Any(p => p.OrganisationId == o.Id))
            .Select(o => new { o.Id, o.NameEn, o.NameEs })
            .ToListAsync(cancellationToken);
        var programmes = await db.Programmes.AsNoTracking()
            .Select(g => new { g.Id, g.NameEn, g.NameEs })
            .ToListAsync(cancellationToken);
        return new ScopeChoices(
            [.. rows.Select(c => new CountryName(c.Code, LocalizedText.Pick(c.NameEn, c.NameEs, culture), true)).OrderBy(c => c.Name.Text, comparer)],
            [.. partners.Select(o => new ScopeChoice(o.Id, LocalizedText.Pick(o.NameEn, o.NameEs, culture).Text)).OrderBy(o => o.Name, comparer)],
            [.. programmes.Select(g => new ScopeChoice(g.Id, LocalizedText.Pick(g.NameEn, g.NameEs, culture).Text)).OrderBy(g => g.Name, comparer)]);
    }

    /// <summary>Turns the form into a period and a scope, recording what is wrong in the model state.</summary>
    private (ReportPeriod?, ReportScope?) Resolve(ReportInput input, ScopeChoices choices)
    {
        var today = ReportPeriod.Today(clock.GetUtcNow().UtcDateTime);
        // A value that does not even bind (from=abc) is already in the model state.
        string? error = "Report_Error_Period";
        var period = ModelState.IsValid ? input.ResolvePeriod(today, out error) : null;
        if (error is not null)
        {
            ModelState.AddModelError(nameof(ReportInput.Period), error);
        }

        var scope = input.ResolveScope(choices.Offered);
        if (scope is null)
        {
            ModelState.AddModelError(nameof(ReportInput.Scope), "Report_Error_Scope");
        }

        return (period, scope);
    }

    private string ScopeText(ExecutiveReport report) => report.Scope switch
    {
        { CountryCode: not null } or { PartnerId: not null } or { ProgrammeId: not null } => report.ScopeName.Text,
        { Region: { } region } => localizer[$"Report_Region_{region}"],
        _ => localizer["Report_Scope_Everything"],
    };

    /// <summary>"executive-report-2020-04-01-2020-06-30-all.docx": ASCII only, so no header encoding is needed.</summary>
    private static string FileName(ExecutiveReport report, string extension) => ReportFileName.For(report, extension);
}
