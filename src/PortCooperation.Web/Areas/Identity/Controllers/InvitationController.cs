using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Identity.Models;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Operations;
using PortCooperation.Web.Infrastructure.Security;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Accounts;

namespace PortCooperation.Web.Areas.Identity.Controllers;

/// <summary>
/// /Identity/Invitation/Accept?user=…&amp;token=…: the page an invited staff member reaches from the mail. It is
/// anonymous by design (the invitee has no password yet); the token in the link is what admits them, once, until
/// it expires. They choose a password, are signed in, and the staff area then sends them to enrol two-factor
/// sign-in before anything else. An expired, used, revoked or altered link gets a page saying so.
/// </summary>
[Area("Identity")]
[AllowAnonymous]
public sealed class InvitationController(
    UserManager<ApplicationUser> users,
    PortalSignInManager signInManager,
    IStringLocalizer<SharedResource> text,
    TimeProvider clock,
    ILogger<InvitationController> logger) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Accept(string? user, string? token) =>
        await AccountAsync(user, token) is { } account
            ? View("SetPassword", Page(account, new SetPasswordInput { User = user, Token = token }))
            : View(AccountLinks.InvalidView, "Invitation");

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> Accept(SetPasswordInput input)
    {
        if (await AccountAsync(input.User, input.Token) is not { } account)
        {
            return View(AccountLinks.InvalidView, "Invitation");
        }

        if (AccountLinks.CheckForm(input, ModelState, text))
        {
            // Checks Identity's password rules, then changes the security stamp: the link is used up.
            var result = await users.AddPasswordAsync(account, input.Password!);
            if (result.Succeeded)
            {
                account.EmailConfirmed = true;
                account.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
                await users.UpdateAsync(account);
                await signInManager.SignInAsync(account, isPersistent: false);
                logger.LogInformation("Invitation accepted by {User}", LogRedaction.MaskEmail(account.Email));
                return LocalRedirect("/Admin");
            }

            AccountLinks.AddErrors(result, ModelState, text);
        }

        return View("SetPassword", Page(account, new SetPasswordInput { User = input.User, Token = input.Token }));
    }

    /// <summary>Only an invitation not yet accepted (no password) can be accepted.</summary>
    private async Task<ApplicationUser?> AccountAsync(string? user, string? token) =>
        await AccountLinks.AccountAsync(users, user, token, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose) is { PasswordHash: null } account
            ? account
            : null;

    private static SetPasswordPage Page(ApplicationUser account, SetPasswordInput input) =>
        new() { Input = input, Email = account.Email ?? "", Kind = "Invitation" };
}
