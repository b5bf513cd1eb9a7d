using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
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
    RegistrationFormReader reader, RegistrationService registrations, MailServerCapabilities mailServer, IStringLocalizer<SharedResource> text) : Controller
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
    [EnableRateLimiting(RateLimitPolicies.Registration)]
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

        var (countryId, gender) = await RegistrationFormRules.ResolveAsync(ModelState, input.Country, input.Gender, reader, text, cancellationToken);
        var email = EmailAddresses.Parse(input.Email);
        if (email is null && ModelState.GetValidationState(nameof(input.Email)) != ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(input.Email), text["Registration_Email_Invalid"]);
        }
        else if (email is not null && EmailAddresses.NeedsSmtpUtf8(email) && !await mailServer.AcceptsInternationalAddressesAsync(cancellationToken))
        {
            // Our mail server could never deliver to it: say so now rather than leave the registrant waiting.
            ModelState.AddModelError(nameof(input.Email), text["Registration_Email_International"]);
        }

        if (!ModelState.IsValid || !activity.AcceptsRegistrations)
        {
            return View(await PageAsync(activity, input, cancellationToken));
        }

        var result = await registrations.RegisterAsync(activity.Id, new RegistrationRequest(
            input.FullName!, email!, input.Organisation, input.Position, countryId!.Value, gender, input.Language!), cancellationToken);
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

    private async Task<RegistrationPageModel> PageAsync(RegistrationActivityModel activity, RegistrationInput input, CancellationToken cancellationToken) => new()
    {
        Activity = activity,
        Countries = activity.AcceptsRegistrations ? await reader.ReadCountriesAsync(cancellationToken) : [],
        Input = input,
        PrivacyNoticeVersion = reader.PrivacyNoticeVersion,
    };
}
