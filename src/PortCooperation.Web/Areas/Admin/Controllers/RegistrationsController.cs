using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Registrations;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>
/// /Admin/Activities/{id}/Registrations: one activity's registrations with counts per state, filters, search and
/// paging; approve/reject in bulk (through <see cref="RegistrationService"/>, so the waiting list moves and mails are
/// queued), attendance one by one and from an imported Zoom/Webex/Teams report (previewed before it is written).
/// </summary>
[Route("Admin/Activities/{id:int}/Registrations")]
public sealed class RegistrationsController(
    RegistrationAdminReader reader, RegistrationService registrations, AttendanceService attendance, PendingUploads pending, CustomMessageService messages, TimeProvider clock,
    IStringLocalizer<SharedResource> text)
    : AdminControllerBase
{
    private const string MessageKey = "StaffMessage";
    private const string ErrorKey = "StaffError";

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, RegistrationListFilter filter, CancellationToken cancellationToken) =>
        await reader.ReadAsync(id, filter, cancellationToken) is { } page ? View(page) : NotFound();

    /// <summary>The filtered list as CSV (default) or Excel; cells that look like formulas are neutralised.</summary>
    [HttpGet("Export")]
    public async Task<IActionResult> Export(int id, RegistrationListFilter filter, string? format, CancellationToken cancellationToken)
    {
        if (await reader.ActivityAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var rows = (await reader.ReadAllAsync(id, filter, cancellationToken)).Select(r => new object?[]
        {
            r.Id, r.FullName, r.Email, r.OrganisationName, r.Position, r.CountryEn, r.Gender?.ToString(), r.Language, r.Status.ToString(),
            r.Attended switch { true => "yes", false => "no", null => "" }, r.CreatedAt,
        });
        string[] header = ["Id", "FullName", "Email", "Organisation", "Position", "Country", "Gender", "Language", "Status", "Attended", "RegisteredAtUtc"];
        var name = $"registrations-activity-{id}";
        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? XlsxExport.File(name, clock.GetUtcNow(), header, rows)
            : CsvExport.File(name, clock.GetUtcNow(), header, rows);
    }

    [HttpPost("Decide")]
    public async Task<IActionResult> Decide(int id, RegistrationActionInput input, CancellationToken cancellationToken)
    {
        if (await reader.ActivityAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var approve = input.Decision == "approve";
        if (!approve && input.Decision != "reject")
        {
            return BadRequest();
        }

        if (input.Selected.Count == 0)
        {
            TempData[ErrorKey] = text["RegStaff_NothingSelected"].Value;
            return BackToList(id, input);
        }

        var message = string.IsNullOrWhiteSpace(input.Message) ? null : input.Message.Trim();
        if (message is { Length: > 2000 })
        {
            message = message[..2000];
        }

        var done = await registrations.DecideAsync(id, input.Selected.Distinct().Take(1000).ToList(), approve, message, cancellationToken);
        TempData[MessageKey] = text.Plural(approve ? "RegStaff_Approved" : "RegStaff_Rejected", done, input.Selected.Count - done);
        return BackToList(id, input);
    }

    [HttpPost("Attendance")]
    public async Task<IActionResult> Attendance(int id, RegistrationActionInput input, CancellationToken cancellationToken)
    {
        if (await reader.ActivityAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var changed = await attendance.SaveAsync(id, input.Shown.Distinct().Take(1000).ToList(), input.Attended.ToHashSet(), cancellationToken);
        TempData[MessageKey] = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["RegStaff_AttendanceSaved"].Value, changed);
        return BackToList(id, input);
    }

    [HttpGet("Import")]
    public async Task<IActionResult> Import(int id, CancellationToken cancellationToken) =>
        await reader.ActivityAsync(id, cancellationToken) is { } activity ? View(new AttendanceImportPage { Activity = activity }) : NotFound();

    /// <summary>
    /// Reads the uploaded reports (one or several of the same session, e.g. Zoom and Teams) and shows what they would
    /// change, row by row; nothing is written here. The files are kept for the confirmation (ADR 0007).
    /// </summary>
    [HttpPost("Import")]
    [RequestSizeLimit(MaxFiles * AttendanceFile.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Import(int id, AttendanceImportInput input, CancellationToken cancellationToken)
    {
        var file = input.Files;
        if (await reader.ActivityAsync(id, cancellationToken) is not { } activity)
        {
            return NotFound();
        }

        var files = (file ?? []).Where(f => f.Length > 0).ToList();
        if (files.Count == 0 || files.Count > MaxFiles || files.Any(f => f.Length > AttendanceFile.MaxBytes))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new AttendanceImportPage { Activity = activity, Error = text[files.Count == 0 ? "RegStaff_Import_NoFile" : "RegStaff_Import_TooBig"].Value });
        }

        var contents = new List<byte[]>();
        foreach (var one in files)
        {
            using var buffer = new MemoryStream();
            await one.CopyToAsync(buffer, cancellationToken);
            contents.Add(buffer.ToArray());
        }

        var fileNames = files.Select(f => Path.GetFileName(f.FileName)).ToList();
        var names = string.Join(", ", fileNames);
        var parsed = Parse(fileNames, contents);
        if (!parsed.HasHeader)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new AttendanceImportPage { Activity = activity, Error = text["RegStaff_Import_NoEmailColumn"].Value, FileName = names });
        }

        var preview = await attendance.PreviewAsync(id, parsed, cancellationToken);
        var (token, hash) = await pending.KeepAsync(PendingKind(id), UserId, contents, cancellationToken);
        return View(new AttendanceImportPage { Activity = activity, Preview = preview, FileName = names, FileNames = fileNames, Token = token, Hash = hash });
    }

    /// <summary>Writes what the preview showed, matched again against the current data, in one transaction.</summary>
    [HttpPost("Import/Confirm")]
    public async Task<IActionResult> ImportConfirm(int id, AttendanceImportInput input, CancellationToken cancellationToken)
    {
        var (token, hash, name) = (input.Token, input.Hash, input.Names);
        if (await reader.ActivityAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (await pending.ReadAsync(PendingKind(id), UserId, token, hash, cancellationToken) is not { } contents)
        {
            TempData[ErrorKey] = text["StaffEnt_Import_Expired"].Value;
            return RedirectToAction(nameof(Import), new { id });
        }

        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? "es" : "en";
        var (marked, recorded) = await attendance.ImportAsync(id, Parse(name ?? [], contents), language, cancellationToken);
        pending.Remove(PendingKind(id), UserId, token!);
        TempData[MessageKey] = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["RegStaff_Import_Done"].Value, marked, recorded);
        return RedirectToAction(nameof(Index), new { id, status = "attended" });
    }

    private const int MaxFiles = 4;

    /// <summary>The files as one report; a name missing from the confirmation (only a label) becomes "file N".</summary>
    private static AttendanceFile Parse(List<string> names, IReadOnlyList<byte[]> contents) =>
        AttendanceFile.Combine([.. contents.Select((c, i) => AttendanceFile.FromUpload(
            i < names.Count && !string.IsNullOrWhiteSpace(names[i]) ? Path.GetFileName(names[i]) : "file " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), c))]);

    /// <summary>A pending report belongs to one activity: its token confirms nothing on another.</summary>
    private static string PendingKind(int id) => "attendance" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [HttpGet("Message")]
    public async Task<IActionResult> Message(int id, RegistrationListFilter filter, CancellationToken cancellationToken)
    {
        if (await reader.ActivityAsync(id, cancellationToken) is not { } activity)
        {
            return NotFound();
        }

        var input = new CustomMessageInput { Status = Known(filter.Status), Q = filter.Q, SendId = Guid.NewGuid() };
        return View(new CustomMessagePage { Activity = activity, Input = input, Recipients = await messages.CountAsync(id, Filter(input), cancellationToken) });
    }

    /// <summary>Queues the message for every registrant of the group, one outbox row each.</summary>
    [HttpPost("Message")]
    public async Task<IActionResult> Message(int id, CustomMessageInput input, CancellationToken cancellationToken)
    {
        if (await reader.ActivityAsync(id, cancellationToken) is not { } activity)
        {
            return NotFound();
        }

        input.Status = Known(input.Status);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Subject) || input.Subject.Trim().Length > CustomMessageService.MaxSubject)
        {
            errors[nameof(input.Subject)] = text["RegStaff_Message_SubjectInvalid"].Value;
        }

        if (string.IsNullOrWhiteSpace(input.Body) || input.Body.Trim().Length > CustomMessageService.MaxBody)
        {
            errors[nameof(input.Body)] = text["RegStaff_Message_BodyInvalid"].Value;
        }

        var recipients = await messages.CountAsync(id, Filter(input), cancellationToken);
        if (recipients == 0)
        {
            errors[nameof(input.Status)] = text["RegStaff_Message_NoRecipients"].Value;
        }

        if (errors.Count > 0 || input.SendId == Guid.Empty)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            if (input.SendId == Guid.Empty)
            {
                input.SendId = Guid.NewGuid();
            }

            return View(new CustomMessagePage { Activity = activity, Input = input, Recipients = recipients, Errors = errors });
        }

        var (outcome, count) = await messages.QueueAsync(id, Filter(input), input.Subject!.Trim(), input.Body!.Trim(), input.SendId, cancellationToken);
        TempData[MessageKey] = text.Plural(outcome == CustomMessageOutcome.Queued ? "RegStaff_Message_Queued" : "RegStaff_Message_AlreadyQueued", count);
        return RedirectToAction(nameof(Index), new { id, status = input.Status, q = string.IsNullOrWhiteSpace(input.Q) ? null : input.Q });
    }

    private static string? Known(string? status) => RegistrationListFilter.Statuses.Contains(status) ? status : null;

    private static RegistrationListFilter Filter(CustomMessageInput input) => new() { Status = input.Status, Q = input.Q };

    private RedirectToActionResult BackToList(int id, RegistrationActionInput input) =>
        RedirectToAction(nameof(Index), new
        {
            id,
            status = RegistrationListFilter.Statuses.Contains(input.Status) ? input.Status : null,
            q = string.IsNullOrWhiteSpace(input.Q) ? null : input.Q,
            page = input.Page > 1 ? input.Page : (int?)null,
        });
}
