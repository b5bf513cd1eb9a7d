using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure;
using PortCooperation.Web.Infrastructure.Security;
using PortCooperation.Web.Models.Registrations;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Mail;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.Web.Controllers;

/// <summary>
/// The public registration form of an activity. Its own uncached page (it carries an antiforgery token); a post
/// redirects to a confirmation page (post/redirect/get), so reloading never registers twice.
/// </summary>
[Route("activities/{slug}/register")]
public sealed class RegistrationsController(
    RegistrationFormReader reader,
    RegistrationService registrations,
    MailServerCapabilities mailServer,
    IMailDomainCheck mailDomains,
    RegistrationThrottle throttle,
    IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Register(string slug, CancellationToken cancellationToken)
    {
        var activity = await reader.ReadActivityAsync(slug, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }

        return View(await PageAsync(activity, new RegistrationInput { Language = LocalizationCultures.Current }, cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Register(string slug, RegistrationInput input, CancellationToken cancellationToken)
    {
        var activity = await reader.ReadActivityAsync(slug, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(input.Website))
        {
            // A bot filled the honeypot: it sees the usual thank-you page and nothing is stored or sent.
            return RedirectToAction(nameof(Done), new { slug, outcome = RegistrationDoneOutcome.Confirmed });
        }

        // Every post counts towards the network's ceiling; a refusal shows the form again, filled, with the wait.
        var limit = throttle.TryPost(RateLimitingExtensions.ClientAddress(HttpContext));
        if (!limit.Allowed)
        {
            return await RefusedAsync(activity, input, limit, cancellationToken);
        }

        var (countryCode, gender) = await RegistrationFormRules.ResolveAsync(ModelState, input.Country, input.Gender, reader, text, cancellationToken);
        var email = await CheckEmailAsync(input.Email, cancellationToken);
        if (!ModelState.IsValid || !activity.AcceptsRegistrations)
        {
            return View(await PageAsync(activity, input, cancellationToken));
        }

        limit = throttle.TryRegister(activity.Id, EmailAddresses.Normalise(email!));
        if (!limit.Allowed)
        {
            return await RefusedAsync(activity, input, limit, cancellationToken);
        }

        // Only now, with the whole form valid and within the limits, may a new country's row be added.
        if (await RegistrationFormRules.CountryIdAsync(ModelState, countryCode!, reader, text, cancellationToken) is not { } countryId)
        {
            return View(await PageAsync(activity, input, cancellationToken));
        }

        var result = await registrations.RegisterAsync(activity.Id, new RegistrationRequest(
            input.FullName!, email!, input.Organisation, input.Position, countryId, gender, input.Language!), cancellationToken);
        var outcome = result switch
        {
            { Outcome: RegistrationOutcome.Full } => RegistrationDoneOutcome.Full,
            { Outcome: RegistrationOutcome.Closed } => RegistrationDoneOutcome.Closed,
            { Status: RegistrationStatus.Pending } => RegistrationDoneOutcome.Pending,
            { Status: RegistrationStatus.Waitlisted } => RegistrationDoneOutcome.Waitlisted,
            _ => RegistrationDoneOutcome.Confirmed,
        };
        return RedirectToAction(nameof(Done), new { slug, outcome });
    }

    /// <summary>
    /// The page after a post. It never shows the private link or the registration itself: anyone can type someone
    /// else's address, so the details go only to the mailbox.
    /// </summary>
    [HttpGet("done")]
    [ResponseCache(Location = ResponseCacheLocation.None, NoStore = true)]
    public async Task<IActionResult> Done(string slug, RegistrationDoneOutcome outcome, CancellationToken cancellationToken)
    {
        var activity = await reader.ReadActivityAsync(slug, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }

        return View(new RegistrationDoneModel { Activity = activity, Outcome = Enum.IsDefined(outcome) ? outcome : RegistrationDoneOutcome.Confirmed });
    }

    /// <summary>The address as it will be stored, or null with the reason beside the field.</summary>
    private async Task<string?> CheckEmailAsync(string? typed, CancellationToken cancellationToken)
    {
        if (ModelState.GetValidationState(nameof(RegistrationInput.Email)) == ModelValidationState.Invalid)
        {
            return null;
        }

        var email = EmailAddresses.ParseForRegistration(typed);
        var error = email switch
        {
            null => "Registration_Email_Invalid",
            // Our mail server could never deliver to it: say so now rather than leave the registrant waiting.
            _ when EmailAddresses.NeedsSmtpUtf8(email) && !await mailServer.AcceptsInternationalAddressesAsync(cancellationToken) => "Registration_Email_International",
            _ when await mailDomains.CheckAsync(EmailAddresses.DomainOf(email), cancellationToken) == MailDomainAnswer.CannotReceiveMail => "Registration_Email_NoMailDomain",
            _ => null,
        };
        if (error is not null)
        {
            ModelState.AddModelError(nameof(RegistrationInput.Email), text[error]);
            return null;
        }

        return email;
    }

    /// <summary>A limit was reached: 429 with Retry-After, and the form as it was sent with the wait beside the address.</summary>
    private async Task<IActionResult> RefusedAsync(RegistrationActivityModel activity, RegistrationInput input, ThrottleDecision limit, CancellationToken cancellationToken)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(limit.RetryAfter.TotalMinutes));
        var wait = minutes == 1 ? text["Registration_Limit_Minute"].Value : text["Registration_Limit_Minutes", minutes.ToString("N0", CultureInfo.CurrentCulture)].Value;
        var key = limit.Limit switch
        {
            RegistrationLimit.Address => "Registration_Limit_Address",
            RegistrationLimit.Activity => "Registration_Limit_Activity",
            _ => "Registration_Limit_Network",
        };
        ModelState.AddModelError(nameof(RegistrationInput.Email), text[key, wait]);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(limit.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return View(nameof(Register), await PageAsync(activity, input, cancellationToken));
    }

    private async Task<RegistrationPageModel> PageAsync(RegistrationActivityModel activity, RegistrationInput input, CancellationToken cancellationToken) => new()
    {
        Activity = activity,
        Countries = activity.AcceptsRegistrations ? await reader.ReadCountriesAsync(cancellationToken) : [],
        Input = input,
        PrivacyNoticeVersion = reader.PrivacyNoticeVersion,
    };
}
