using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Identity.Models;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Areas.Identity.Controllers;

/// <summary>What the accept-invitation and reset-password pages share: finding the link's account and checking the new password's form.</summary>
internal static class AccountLinks
{
    public const string InvalidView = "LinkInvalid";

    /// <summary>The account a link names, or null when the link cannot be used (unknown account, disabled, bad or old token).</summary>
    public static async Task<ApplicationUser?> AccountAsync(UserManager<ApplicationUser> users, string? userId, string? token, string provider, string purpose)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || userId.Length > 100 || token.Length > 2000)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        return user is { IsDisabled: false } && await users.VerifyUserTokenAsync(user, provider, purpose, token) ? user : null;
    }

    /// <summary>Both fields filled and equal; the password rules themselves are Identity's (<see cref="AddErrors"/>).</summary>
    public static bool CheckForm(SetPasswordInput input, ModelStateDictionary state, IStringLocalizer<SharedResource> text)
    {
        if (string.IsNullOrEmpty(input.Password))
        {
            state.AddModelError(nameof(SetPasswordInput.Password), text["Accounts_Error_PasswordRequired"]);
        }
        else if (input.Password != input.ConfirmPassword)
        {
            state.AddModelError(nameof(SetPasswordInput.ConfirmPassword), text["Accounts_Error_PasswordMismatch"]);
        }

        return state.ErrorCount == 0;
    }

    /// <summary>Identity's password errors in the page's language, beside the password field.</summary>
    public static void AddErrors(IdentityResult result, ModelStateDictionary state, IStringLocalizer<SharedResource> text)
    {
        foreach (var error in result.Errors)
        {
            var message = text["Accounts_Password_" + error.Code];
            state.AddModelError(nameof(SetPasswordInput.Password), message.ResourceNotFound ? text["Accounts_Password_Invalid"] : message);
        }
    }
}
