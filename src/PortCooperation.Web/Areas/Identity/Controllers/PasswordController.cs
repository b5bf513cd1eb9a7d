using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Identity.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Operations;
using PortCooperation.Web.Infrastructure.Security;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Accounts;

namespace PortCooperation.Web.Areas.Identity.Controllers;

/// <summary>
/// "Forgot your password?" (/Identity/Password/Forgot) and the page its mail links to (/Identity/Password/Reset).
/// Both are anonymous by design: whoever forgot their password cannot sign in. The form answers the same way
/// whether or not the address has an account (no enumeration); the mail goes through the outbox; the link works
/// once (the new password changes the security stamp) and expires (Accounts:PasswordResetLifetime).
/// </summary>
[Area("Identity")]
[AllowAnonymous]
public sealed class PasswordController(
    UserManager<ApplicationUser> users,
    PortalDbContext db,
    AccountMailComposer mail,
    IStringLocalizer<SharedResource> text,
    ILogger<PasswordController> logger) : Controller
{
    private const string MessageKey = "AccountsMessage";

    [HttpGet]
    public IActionResult Forgot() => View(new ForgotPasswordInput());

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> Forgot(ForgotPasswordInput input)
    {
        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0 || email.Length > 256)
        {
            ModelState.AddModelError(nameof(ForgotPasswordInput.Email), text["Accounts_Error_EmailRequired"]);
            return View(input);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is { IsDisabled: false, PasswordHash: not null })
        {
            user.Language ??= CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? "es" : "en";
            var token = await users.GeneratePasswordResetTokenAsync(user);
            db.OutboxMessages.Add(mail.PasswordReset(user, token));
            await db.SaveChangesAsync();
            logger.LogInformation("Password reset mail queued for {User}", LogRedaction.MaskEmail(email));
        }
        else
        {
            logger.LogInformation("Password reset asked for {User}: no usable account, nothing sent", LogRedaction.MaskEmail(email));
        }

        return RedirectToAction(nameof(Sent));
    }

    /// <summary>The same answer for every address.</summary>
    [HttpGet]
    public IActionResult Sent() => View();

    [HttpGet]
    public async Task<IActionResult> Reset(string? user, string? token) =>
        await AccountAsync(user, token) is { } account
            ? View("SetPassword", Page(account, new SetPasswordInput { User = user, Token = token }))
            : View(AccountLinks.InvalidView, "Reset");

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> Reset(SetPasswordInput input)
    {
        if (await AccountAsync(input.User, input.Token) is not { } account)
        {
            return View(AccountLinks.InvalidView, "Reset");
        }

        if (AccountLinks.CheckForm(input, ModelState, text))
        {
            var result = await users.ResetPasswordAsync(account, input.Token!, input.Password!);
            if (result.Succeeded)
            {
                // Whoever can read the account's mail could reset anyway: the reset also ends a lockout.
                await users.ResetAccessFailedCountAsync(account);
                await users.SetLockoutEndDateAsync(account, null);
                logger.LogInformation("Password reset by {User}", LogRedaction.MaskEmail(account.Email));
                TempData[MessageKey] = text["Accounts_Reset_Done"].Value;
                return RedirectToAction("Login", "Account");
            }

            AccountLinks.AddErrors(result, ModelState, text);
        }

        return View("SetPassword", Page(account, new SetPasswordInput { User = input.User, Token = input.Token }));
    }

    private Task<ApplicationUser?> AccountAsync(string? user, string? token) =>
        AccountLinks.AccountAsync(users, user, token, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose);

    private static SetPasswordPage Page(ApplicationUser account, SetPasswordInput input) =>
        new() { Input = input, Email = account.Email ?? "", Kind = "Reset" };
}
