using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Accounts;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>
/// /Admin/Accounts: Administrators (only) list staff accounts, invite new staff by e-mail, change roles,
/// disable and enable accounts, and re-send or revoke open invitations. Editors get 403 (the role check
/// below comes on top of the staff check of <see cref="AdminControllerBase"/>).
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class AccountsController(
    AccountAdminReader reader,
    AccountService accounts,
    UserManager<ApplicationUser> users,
    IOptions<AccountOptions> options,
    IStringLocalizer<SharedResource> text,
    TimeProvider clock) : AdminControllerBase
{
    private const string MessageKey = "StaffMessage";
    private const string ErrorKey = "StaffError";
    private const int MaximumNameLength = 200;

    [HttpGet]
    public async Task<IActionResult> Index(AccountListFilter filter, CancellationToken cancellationToken) =>
        View(new AccountListPage { Filter = filter, Rows = await reader.ReadAsync(filter, cancellationToken) });

    /// <summary>The list as CSV with the list's filters (formula payloads neutralised by <see cref="CsvExport"/>); lockouts read with the system clock, as Identity sets them.</summary>
    [HttpGet]
    public async Task<IActionResult> Export(AccountListFilter filter, CancellationToken cancellationToken)
    {
        var rows = await reader.ReadAllAsync(filter, cancellationToken);
        return CsvExport.File("accounts", clock.GetUtcNow(),
            ["Email", "Name", "Roles", "State", "TwoFactor", "LockedOutUntilUtc", "InvitedAtUtc", "LastSignInAtUtc"],
            rows.Select(r => new object?[]
            {
                r.Email, r.DisplayName, string.Join(" ", r.RoleNames), r.State, r.TwoFactorEnabled,
                r.IsLockedOut(DateTimeOffset.UtcNow) ? r.LockoutEnd!.Value.UtcDateTime : null, r.InvitedAtUtc, r.LastSignInAtUtc,
            }));
    }

    [HttpGet]
    public IActionResult Invite() =>
        View(new InviteInput { Role = Roles.Editor, Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? "es" : "en" });

    [HttpPost]
    public async Task<IActionResult> Invite(InviteInput input, CancellationToken cancellationToken)
    {
        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            ModelState.AddModelError(nameof(InviteInput.Email), text["Accounts_Error_EmailRequired"]);
        }
        else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            ModelState.AddModelError(nameof(InviteInput.Email), text["Accounts_Error_EmailInvalid"]);
        }

        if ((input.DisplayName?.Trim().Length ?? 0) > MaximumNameLength)
        {
            ModelState.AddModelError(nameof(InviteInput.DisplayName), text["Accounts_Error_NameTooLong"]);
        }

        if (input.Role is not (Roles.Administrator or Roles.Editor))
        {
            ModelState.AddModelError(nameof(InviteInput.Role), text["Accounts_Error_NoRole"]);
        }

        if (input.Language is not ("en" or "es"))
        {
            ModelState.AddModelError(nameof(InviteInput.Language), text["Accounts_Error_Language"]);
        }

        if (ModelState.ErrorCount == 0 && await accounts.InviteAsync(email, input.DisplayName, input.Role!, input.Language!, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(nameof(InviteInput.Email), text[refusal]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return View(input);
        }

        TempData[MessageKey] = string.Format(CultureInfo.CurrentCulture, text["Accounts_Invited"].Value, email);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || await reader.FindAsync(id, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        return View(new AccountEditPage
        {
            Account = account,
            Now = clock.GetUtcNow(),
            InvitationExpiresAtUtc = account is { HasPassword: false, InvitedAtUtc: { } sent } ? sent + options.Value.InvitationLifetime : null,
            IsSelf = account.Id == User.FindFirstValue(ClaimTypes.NameIdentifier),
        });
    }

    [HttpPost]
    public Task<IActionResult> SetRoles(string? id, AccountRolesInput input, CancellationToken cancellationToken) =>
        ChangeAsync(id, user => accounts.SetRolesAsync(user, input.Roles ?? [], cancellationToken), "Accounts_RolesSaved");

    [HttpPost]
    public Task<IActionResult> Disable(string? id, CancellationToken cancellationToken) =>
        ChangeAsync(id, user => accounts.SetDisabledAsync(user, disabled: true, cancellationToken), "Accounts_Disabled");

    [HttpPost]
    public Task<IActionResult> Enable(string? id, CancellationToken cancellationToken) =>
        ChangeAsync(id, user => accounts.SetDisabledAsync(user, disabled: false, cancellationToken), "Accounts_Enabled");

    [HttpPost]
    public Task<IActionResult> Resend(string? id, CancellationToken cancellationToken) =>
        ChangeAsync(id, user => accounts.ResendAsync(user, cancellationToken), "Accounts_Resent");

    [HttpPost]
    public async Task<IActionResult> Revoke(string? id, CancellationToken cancellationToken)
    {
        var result = await ChangeAsync(id, user => accounts.RevokeAsync(user, cancellationToken), "Accounts_Revoked");
        // The account is gone: back to the list rather than to its (now missing) page.
        return TempData.Peek(ErrorKey) is null && result is RedirectToActionResult ? RedirectToAction(nameof(Index)) : result;
    }

    /// <summary>Finds the account (404 if unknown), applies the change, and says what happened on its page.</summary>
    private async Task<IActionResult> ChangeAsync(string? id, Func<ApplicationUser, Task<string?>> change, string doneKey)
    {
        if (string.IsNullOrEmpty(id) || await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (await change(user) is { } refusal)
        {
            TempData[ErrorKey] = text[refusal].Value;
        }
        else
        {
            TempData[MessageKey] = string.Format(CultureInfo.CurrentCulture, text[doneKey].Value, user.Email);
        }

        return RedirectToAction(nameof(Edit), new { id });
    }
}
