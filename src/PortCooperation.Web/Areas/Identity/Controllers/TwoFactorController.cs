using System.Text.Encodings.Web;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin;
using PortCooperation.Web.Areas.Identity.Models;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Operations;
using PortCooperation.Web.Infrastructure.Security;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Areas.Identity.Controllers;

/// <summary>
/// /Identity/TwoFactor/Enable: a staff member enrols TOTP two-factor sign-in (required of staff): the page shows
/// the shared key as text and as an otpauth:// link, the first code from the app turns it on, and ten
/// recovery codes are shown once. Staff are sent here by the staff area until they have enrolled. Once enrolled,
/// the key is never shown again and no code mints new recovery codes: starting over (/Identity/TwoFactor/Reset)
/// asks for the password, so a session alone — a stolen cookie — cannot become a second factor of its own.
/// </summary>
[Area("Identity")]
[Authorize(Roles = Roles.Staff)]
public sealed class TwoFactorController(
    UserManager<ApplicationUser> userManager,
    PortalSignInManager signInManager,
    IUserStore<ApplicationUser> store,
    IDataProtectionProvider protection,
    IStringLocalizer<SharedResource> text,
    ILogger<TwoFactorController> logger) : Controller
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "PortCooperation";

    [HttpGet]
    public async Task<IActionResult> Enable(string? returnUrl)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return View("Enrolled", new TwoFactorResetInput());
        }

        return View(await EnableModelAsync(user, new TwoFactorEnableInput { ReturnUrl = LocalOrNull(returnUrl) }));
    }

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> Enable(TwoFactorEnableInput input)
    {
        input.ReturnUrl = LocalOrNull(input.ReturnUrl);
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Enable));
        }

        // A GET writes nothing, so the key the page showed is stored only now, before the app's code is checked against it.
        var pendingKey = await userManager.GetAuthenticatorKeyAsync(user) is { Length: > 0 } ? null : Unprotect(user, input.PendingKey);
        if (pendingKey is not null)
        {
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, pendingKey, HttpContext.RequestAborted);
            await userManager.UpdateSecurityStampAsync(user);
            await signInManager.RefreshSignInAsync(user);
        }

        var code = NormaliseCode(input.Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(TwoFactorEnableInput.Code), text["TwoFactor_CodeRequired"].Value);
        }
        else if (!await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(TwoFactorEnableInput.Code), text["TwoFactor_CodeInvalid"].Value);
        }

        if (!ModelState.IsValid)
        {
            return View(await EnableModelAsync(user, input));
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        // The security stamp changed: a fresh cookie keeps the session, now carrying the enrolment claim.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("Two-factor sign-in enabled for {User}", LogRedaction.MaskEmail(user.Email));
        return View("RecoveryCodes", new RecoveryCodesViewModel { Codes = codes, ContinueUrl = input.ReturnUrl ?? "/Admin" });
    }

    /// <summary>
    /// With the password (and the sign-in lockout counting wrong ones): turns two-factor sign-in off, with a new key, so
    /// enrolment starts again and the old app and recovery codes stop working.
    /// </summary>
    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> Reset(TwoFactorResetInput input)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(input.Password)
            || !(await signInManager.CheckPasswordSignInAsync(user, input.Password, lockoutOnFailure: true)).Succeeded)
        {
            ModelState.AddModelError(nameof(TwoFactorResetInput.Password), text["TwoFactor_PasswordWrong"].Value);
            return View("Enrolled", new TwoFactorResetInput());
        }

        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("Two-factor sign-in reset for {User}", LogRedaction.MaskEmail(user.Email));
        return RedirectToAction(nameof(Enable));
    }

    /// <summary>TOTP codes are digits; apps show them as "123 456".</summary>
    internal static string NormaliseCode(string? code) =>
        (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    private async Task<TwoFactorEnableViewModel> EnableModelAsync(ApplicationUser user, TwoFactorEnableInput input)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        string? protectedKey = null;
        if (string.IsNullOrEmpty(key))
        {
            // Shown now, stored by the enrolment POST: the key travels in the form, protected for this account.
            key = userManager.GenerateNewAuthenticatorKey();
            protectedKey = Protector(user).Protect(key);
        }

        var account = user.Email ?? user.UserName ?? "staff";
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(account)}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";
        return new TwoFactorEnableViewModel { Input = input, SharedKey = key, AuthenticatorUri = uri, PendingKey = protectedKey };
    }

    /// <summary>Bound to the account and its security stamp: a key shown to another account, or before a reset, is refused.</summary>
    private IDataProtector Protector(ApplicationUser user) =>
        protection.CreateProtector("TwoFactorEnrolment", user.Id, user.SecurityStamp ?? "");

    private string? Unprotect(ApplicationUser user, string? pendingKey)
    {
        if (string.IsNullOrEmpty(pendingKey))
        {
            return null;
        }

        try
        {
            return Protector(user).Unprotect(pendingKey);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private string? LocalOrNull(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
