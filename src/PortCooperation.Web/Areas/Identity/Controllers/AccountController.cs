using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PortCooperation.Web.Areas.Admin;
using PortCooperation.Web.Areas.Identity.Models;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Operations;
using PortCooperation.Web.Infrastructure.Security;

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
        if (result.Succeeded)
        {
            logger.LogInformation("Staff sign-in succeeded for {User}", LogRedaction.MaskEmail(email));
            return LocalRedirect(input.ReturnUrl ?? "/Admin");
        }

        logger.LogWarning("Staff sign-in refused for {User}: {Reason}", LogRedaction.MaskEmail(email), Reason(user, result));
        ModelState.AddModelError("", StaffText.Login_Failed);
        return View(input);
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await signInManager.SignOutAsync();
        return LocalRedirect("/");
    }

    private bool IsComplete(LoginInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Email))
        {
            ModelState.AddModelError(nameof(LoginInput.Email), StaffText.Login_EmailRequired);
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            ModelState.AddModelError(nameof(LoginInput.Password), StaffText.Login_PasswordRequired);
        }

        return ModelState.ErrorCount == 0;
    }

    private string? LocalOrNull(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : null;

    private static string Reason(ApplicationUser? user, Microsoft.AspNetCore.Identity.SignInResult result) =>
        user is null ? "no such account"
        : result.IsLockedOut ? "locked out"
        : result.IsNotAllowed ? (user.IsDisabled ? "account disabled" : "not allowed")
        : result.RequiresTwoFactor ? "two-factor sign-in is not available yet"
        : "wrong password";
}
