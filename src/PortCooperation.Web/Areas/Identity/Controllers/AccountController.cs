using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin;
using PortCooperation.Web.Areas.Identity.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Operations;
using PortCooperation.Web.Infrastructure.Security;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Audit;

namespace PortCooperation.Web.Areas.Identity.Controllers;

/// <summary>
/// Staff sign-in and sign-out at /Identity/Account/Login and /Identity/Account/Logout. There is no
/// self-registration: accounts are created by the create-admin command and, later, by administrators.
/// Failures get one message whatever went wrong (unknown address, wrong password, locked or disabled
/// account), so the form does not reveal which addresses have accounts.
/// </summary>
[Area("Identity")]
[AllowAnonymous]
public sealed class AccountController(
    PortalSignInManager signInManager,
    UserManager<ApplicationUser> userManager,
    TimeProvider clock,
    PortalDbContext db,
    IStringLocalizer<SharedResource> text,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = LocalOrNull(returnUrl) });

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        input.ReturnUrl = LocalOrNull(input.ReturnUrl);
        if (!IsComplete(input))
        {
            return View(input);
        }

        var email = input.Email!.Trim();
        var user = await userManager.FindByEmailAsync(email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.PasswordSignInAsync(user, input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (user is null || result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity checks no password for these; hash one anyway, so the answer takes as long as for a wrong password.
            userManager.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DummyHash(userManager.PasswordHasher), input.Password!);
        }

        if (result.Succeeded)
        {
            logger.LogInformation("Staff sign-in succeeded for {User}", LogRedaction.MaskEmail(email));
            await RecordSignInAsync(user!, "password");
            return LocalRedirect(input.ReturnUrl ?? "/Admin");
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right; Identity holds the account in the two-factor cookie until the code comes.
            return RedirectToAction(nameof(LoginWith2fa), new { returnUrl = input.ReturnUrl });
        }

        logger.LogWarning("Staff sign-in refused for {User}: {Reason}", LogRedaction.MaskEmail(email), Reason(user, result));
        await AuditAsync(AuditActions.SignInFailed, null, user?.Email ?? LogRedaction.MaskEmail(email), "password", Reason(user, result));
        ModelState.AddModelError("", text["Login_Failed"].Value);
        return View(input);
    }

    /// <summary>The second step for accounts with two-factor sign-in: a code from the app or a recovery code.</summary>
    [HttpGet]
    public async Task<IActionResult> LoginWith2fa(string? returnUrl)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login), new { returnUrl = LocalOrNull(returnUrl) });
        }

        return View(new LoginWith2faInput { ReturnUrl = LocalOrNull(returnUrl) });
    }

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.Login)]
    public async Task<IActionResult> LoginWith2fa(LoginWith2faInput input)
    {
        input.ReturnUrl = LocalOrNull(input.ReturnUrl);
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login), new { returnUrl = input.ReturnUrl });
        }

        var code = TwoFactorController.NormaliseCode(input.Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(LoginWith2faInput.Code), text["TwoFactor_CodeRequired"].Value);
            return View(input);
        }

        // Six digits is an app code; anything else is tried as a recovery code (used up when it works).
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signInManager.TwoFactorRecoveryCodeSignInAsync((input.Code ?? "").Trim());
        if (result.Succeeded)
        {
            logger.LogInformation("Staff two-factor sign-in succeeded for {User}", LogRedaction.MaskEmail(user.Email));
            await RecordSignInAsync(user, code.Length == 6 ? "two-factor code" : "recovery code");
            return LocalRedirect(input.ReturnUrl ?? "/Admin");
        }

        logger.LogWarning("Staff two-factor sign-in refused for {User}: {Reason}", LogRedaction.MaskEmail(user.Email), result.IsLockedOut ? "locked out" : "wrong code");
        await AuditAsync(AuditActions.SignInFailed, null, user.Email, "two-factor", result.IsLockedOut ? "locked out" : "wrong code");
        ModelState.AddModelError(nameof(LoginWith2faInput.Code), text["TwoFactor_SignInFailed"].Value);
        return View(input);
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await AuditAsync(AuditActions.SignOut, userManager.GetUserId(User), User.Identity.Name, null, null);
        }

        // A new security stamp makes every copy of the session's cookie worthless at its next request.
        if (await userManager.GetUserAsync(User) is { } user)
        {
            await userManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
        return LocalRedirect("/");
    }

    private static string? _dummyHash;

    /// <summary>A hash of a random password, made once by the app's hasher (same algorithm and cost as real ones).</summary>
    private static string DummyHash(IPasswordHasher<ApplicationUser> hasher) =>
        _dummyHash ??= hasher.HashPassword(new ApplicationUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    private bool IsComplete(LoginInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Email))
        {
            ModelState.AddModelError(nameof(LoginInput.Email), text["Login_EmailRequired"].Value);
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            ModelState.AddModelError(nameof(LoginInput.Password), text["Login_PasswordRequired"].Value);
        }

        return ModelState.ErrorCount == 0;
    }

    private string? LocalOrNull(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : null;

    /// <summary>"Last sign-in" on the accounts list (/Admin/Accounts) and the sign-in in the audit log.</summary>
    private async Task RecordSignInAsync(ApplicationUser user, string method)
    {
        user.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
        await userManager.UpdateAsync(user);
        await AuditAsync(AuditActions.SignIn, user.Id, user.Email, method, null);
    }

    /// <summary>
    /// One audit entry per sign-in event: who (the account's address — masked when no account has
    /// the address typed), when, how, and why a refusal happened. The password or code typed is never recorded.
    /// </summary>
    private async Task AuditAsync(string action, string? userId, string? account, string? method, string? reason)
    {
        var changes = new Dictionary<string, object?[]>();
        if (method is not null)
        {
            changes["Method"] = [null, method];
        }

        if (reason is not null)
        {
            changes["Reason"] = [null, reason];
        }

        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            UserName = userId is null ? null : account,
            Action = action,
            EntityType = AuditActions.SignInEntityType,
            EntityId = account,
            Changes = changes.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(changes),
            CorrelationId = HttpContext.TraceIdentifier,
        });
        await db.SaveChangesAsync(HttpContext.RequestAborted);
    }

    private static string Reason(ApplicationUser? user, Microsoft.AspNetCore.Identity.SignInResult result) =>
        user is null ? "no such account"
        : result.IsLockedOut ? "locked out"
        : result.IsNotAllowed ? (user.IsDisabled ? "account disabled" : "not allowed")
        : "wrong password";
}
