using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Audit;

namespace PortCooperation.Web.Services.Accounts;

/// <summary>
/// What administrators do to staff accounts: invite (account without password + role + mail, one transaction),
/// re-send or revoke an open invitation, change roles, disable and enable. Accounts are not audited by the
/// interceptor (they hold password hashes and stamps), so each action writes its own audit entry here, naming
/// the fields that changed and nothing secret. One rule protects the portal from locking itself out: no change
/// may leave it without an enabled Administrator who can sign in.
/// </summary>
public sealed class AccountService(
    PortalDbContext db,
    UserManager<ApplicationUser> users,
    AccountMailComposer mail,
    TimeProvider clock,
    IHttpContextAccessor http)
{
    /// <summary>Creates the account and queues the invitation; null, or the resource key of the refusal.</summary>
    public async Task<string?> InviteAsync(string email, string? name, string role, string language, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return "Accounts_Error_EmailTaken";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            Language = language,
            CreatedAtUtc = now,
            InvitedAtUtc = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return "Accounts_Error_EmailInvalid";
        }

        await users.AddToRoleAsync(user, role);
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        db.OutboxMessages.Add(mail.Invitation(user, token, role));
        Audit(AuditActions.Create, user, new() { ["Email"] = [null, email], ["DisplayName"] = [null, user.DisplayName], ["Roles"] = [null, role], ["Language"] = [null, language] });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>A new link (older ones stop working: the security stamp changes) and a new expiry.</summary>
    public async Task<string?> ResendAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        if (!IsOpenInvitation(user))
        {
            return "Accounts_Error_NotInvited";
        }

        var before = user.InvitedAtUtc;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.InvitedAtUtc = clock.GetUtcNow().UtcDateTime;
        await users.UpdateSecurityStampAsync(user);
        var roles = await users.GetRolesAsync(user);
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        db.OutboxMessages.Add(mail.Invitation(user, token, roles.FirstOrDefault() ?? Roles.Editor));
        Audit(AuditActions.Update, user, new() { ["InvitedAtUtc"] = [before, user.InvitedAtUtc] });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>An invitation not yet accepted is withdrawn by deleting the account (it holds nothing else).</summary>
    public async Task<string?> RevokeAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        if (!IsOpenInvitation(user))
        {
            return "Accounts_Error_NotInvited";
        }

        var roles = await users.GetRolesAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.DeleteAsync(user);
        Audit(AuditActions.Delete, user, new() { ["Email"] = [user.Email, null], ["Roles"] = [string.Join(", ", roles), null] });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<string?> SetRolesAsync(ApplicationUser user, IReadOnlyCollection<string> wanted, CancellationToken cancellationToken)
    {
        var roles = Roles.All.Where(wanted.Contains).ToList();
        if (roles.Count == 0)
        {
            return "Accounts_Error_NoRole";
        }

        var current = (await users.GetRolesAsync(user)).Where(Roles.All.Contains).Order(StringComparer.Ordinal).ToList();
        if (current.SequenceEqual(roles.Order(StringComparer.Ordinal)))
        {
            return null;
        }

        if (current.Contains(Roles.Administrator) && !roles.Contains(Roles.Administrator) && !await AnotherActiveAdministratorAsync(user, cancellationToken))
        {
            return "Accounts_Error_LastAdministrator";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.RemoveFromRolesAsync(user, current.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(current));
        // The roles live in the cookie; the security-stamp check (every minute) rebuilds it from the database, so
        // open sessions pick up the change without being ended (a new stamp would sign the colleague out).
        Audit(AuditActions.Update, user, new() { ["Roles"] = [string.Join(", ", current), string.Join(", ", roles.Order(StringComparer.Ordinal))] });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Disabling ends the account's open sessions at their next stamp check (within a minute).</summary>
    public async Task<string?> SetDisabledAsync(ApplicationUser user, bool disabled, CancellationToken cancellationToken)
    {
        if (user.IsDisabled == disabled)
        {
            return null;
        }

        if (disabled && user.Id == http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return "Accounts_Error_DisableSelf";
        }

        if (disabled && await users.IsInRoleAsync(user, Roles.Administrator) && !await AnotherActiveAdministratorAsync(user, cancellationToken))
        {
            return "Accounts_Error_LastAdministrator";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.IsDisabled = disabled;
        await users.UpdateSecurityStampAsync(user);
        Audit(AuditActions.Update, user, new() { ["IsDisabled"] = [!disabled, disabled] });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Sent but not accepted yet: the account has no password.</summary>
    public static bool IsOpenInvitation(ApplicationUser user) => user.InvitedAtUtc is not null && user.PasswordHash is null;

    /// <summary>Is there an Administrator other than <paramref name="user"/> who is enabled and has accepted?</summary>
    private Task<bool> AnotherActiveAdministratorAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Administrator && u.Id != user.Id && !u.IsDisabled && u.PasswordHash != null
         select u.Id).AnyAsync(cancellationToken);

    private void Audit(string action, ApplicationUser target, Dictionary<string, object?[]> changes)
    {
        db.AuditEntries.Add(RequestAudit.Entry(http.HttpContext, clock.GetUtcNow().UtcDateTime, action, nameof(ApplicationUser), target.Email, changes));
    }
}
