using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Models.Registrations;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Calendar;
using PortCooperation.Web.Services.Mail;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.Web.Controllers;

/// <summary>
/// The registrant's private page, reached through the unguessable link in every mail: see the registration, correct
/// details, cancel, download or delete the personal data. Nothing here is ever cached.
/// </summary>
[Route("registrations")]
[ResponseCache(Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class SelfServiceController(
    SelfServiceReader selfService, RegistrationFormReader reader, RegistrationService registrations, IStringLocalizer<SharedResource> text,
    RegistrationCalendar calendar) : Controller
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    [HttpGet("{token}")]
    public async Task<IActionResult> Show(string token, bool saved, CancellationToken cancellationToken)
    {
        var page = await PageAsync(token, null, saved, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{token}/details")]
    public async Task<IActionResult> Update(string token, RegistrationDetailsInput input, CancellationToken cancellationToken)
    {
        var (countryCode, gender) = await RegistrationFormRules.ResolveAsync(ModelState, input.Country, input.Gender, reader, text, cancellationToken);
        var countryId = ModelState.IsValid ? await RegistrationFormRules.CountryIdAsync(ModelState, countryCode!, reader, text, cancellationToken) : null;
        if (countryId is null)
        {
            var page = await PageAsync(token, input, false, cancellationToken);
            return page is null ? NotFound() : View(nameof(Show), page);
        }

        var updated = await registrations.UpdateDetailsAsync(token,
            new RegistrationRequest(input.FullName!, "", input.Organisation, input.Position, countryId.Value, gender, input.Language!), cancellationToken);
        return updated ? RedirectToAction(nameof(Show), new { token, saved = true }) : NotFound();
    }

    /// <summary>Cancelling gives the place away, so it is asked once more on a page of its own (works without JavaScript).</summary>
    [HttpGet("{token}/cancel")]
    public async Task<IActionResult> ConfirmCancel(string token, CancellationToken cancellationToken)
    {
        var page = await PageAsync(token, null, false, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        return page.CanCancel ? View("Confirm", new SelfServiceConfirmModel(page, SelfServiceStep.Cancel)) : RedirectToAction(nameof(Show), new { token });
    }

    /// <summary>Erasure cannot be undone, so it is asked once more on a page of its own.</summary>
    [HttpGet("{token}/delete")]
    public async Task<IActionResult> ConfirmDelete(string token, CancellationToken cancellationToken)
    {
        var page = await PageAsync(token, null, false, cancellationToken);
        return page is null ? NotFound() : View("Confirm", new SelfServiceConfirmModel(page, SelfServiceStep.Delete));
    }

    [HttpPost("{token}/cancel")]
    public async Task<IActionResult> Cancel(string token, CancellationToken cancellationToken)
    {
        if (await selfService.ReadAsync(token, cancellationToken) is null)
        {
            return NotFound();
        }

        await registrations.CancelAsync(token, cancellationToken);
        return RedirectToAction(nameof(Show), new { token });
    }

    /// <summary>Everything stored about the registrant, as JSON (right of access and portability).</summary>
    [HttpGet("{token}/data.json")]
    public async Task<IActionResult> Data(string token, CancellationToken cancellationToken)
    {
        var row = await selfService.ReadAsync(token, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        return File(JsonSerializer.SerializeToUtf8Bytes(row, _json), "application/json", $"registration-{row.Id}.json");
    }

    /// <summary>The confirmed place as a calendar file, in the language of the page, with the join link (never cached).</summary>
    [HttpGet("{token}/calendar.ics")]
    public async Task<IActionResult> Calendar(string token, CancellationToken cancellationToken)
    {
        var registration = await selfService.ReadWithActivityAsync(token, cancellationToken);
        if (registration is not { Status: RegistrationStatus.Confirmed, Activity: { } activity })
        {
            return NotFound();
        }

        var ics = calendar.Download(activity, new MailText(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));
        return File(Encoding.UTF8.GetBytes(ics), CalendarFileWriter.ContentType, $"{activity.Slug}.ics");
    }

    [HttpPost("{token}/delete")]
    public async Task<IActionResult> Delete(string token, CancellationToken cancellationToken)
    {
        var row = await selfService.ReadAsync(token, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        await registrations.AnonymiseAsync(row.Id, cancellationToken);
        return RedirectToAction(nameof(Deleted));
    }

    [HttpGet("deleted")]
    public IActionResult Deleted() => View();

    private async Task<SelfServicePageModel?> PageAsync(string token, RegistrationDetailsInput? input, bool saved, CancellationToken cancellationToken)
    {
        var row = await selfService.ReadAsync(token, cancellationToken);
        if (row is null || await reader.ReadActivityAsync(row.ActivitySlug, cancellationToken) is not { } activity)
        {
            return null;
        }

        return new SelfServicePageModel
        {
            Token = token,
            Activity = activity,
            Status = row.Status,
            Email = row.Email,
            ConsentGivenAtUtc = row.ConsentGivenAtUtc,
            ConsentTextVersion = row.ConsentTextVersion,
            Countries = await reader.ReadCountriesAsync(cancellationToken),
            Saved = saved,
            Input = input ?? new RegistrationDetailsInput
            {
                FullName = row.FullName,
                Organisation = row.OrganisationName,
                Position = row.Position,
                Country = row.CountryCode,
                Gender = row.Gender?.ToString(),
                Language = row.Language,
            },
        };
    }
}
