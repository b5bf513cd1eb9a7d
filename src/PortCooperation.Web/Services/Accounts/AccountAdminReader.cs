using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Services.Accounts;

/// <summary>Filters of /Admin/Accounts, bound from the query string; unknown values are ignored.</summary>
public sealed class AccountListFilter
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>"Administrator" or "Editor".</summary>
    [FromQuery(Name = "role")]
    public string? Role { get; set; }

    /// <summary>"active", "invited" or "disabled".</summary>
    [FromQuery(Name = "state")]
    public string? State { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record AccountListRow(
    string Id, string? Email, string? DisplayName, bool IsAdministrator, bool IsEditor, bool IsDisabled, bool HasPassword,
    bool TwoFactorEnabled, DateTimeOffset? LockoutEnd, DateTime? InvitedAtUtc, DateTime? LastSignInAtUtc)
{
    public IEnumerable<string> RoleNames => new[] { IsAdministrator ? Roles.Administrator : null, IsEditor ? Roles.Editor : null }.OfType<string>();

    /// <summary>"disabled", "invited" (no password yet) or "active".</summary>
    public string State => IsDisabled ? "disabled" : HasPassword ? "active" : "invited";

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd > now;
}

/// <summary>The staff list of accounts: search, filters and paging in two SQL commands (count + page, roles as subqueries).</summary>
public sealed class AccountAdminReader(PortalDbContext db)
{
    public static readonly IReadOnlyList<string> States = ["active", "invited", "disabled"];

    public Task<Paged<AccountListRow>> ReadAsync(AccountListFilter filter, CancellationToken cancellationToken) =>
        Rows(Filtered(filter)).ToPagedAsync(filter.Page, cancellationToken);

    /// <summary>Every account the filters select, for the CSV export (one SQL command).</summary>
    public Task<List<AccountListRow>> ReadAllAsync(AccountListFilter filter, CancellationToken cancellationToken) =>
        Rows(Filtered(filter)).ToListAsync(cancellationToken);

    private IQueryable<ApplicationUser> Filtered(AccountListFilter filter)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + filter.Q.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            users = users.Where(u => (u.Email != null && EF.Functions.Like(u.Email.ToLower(), pattern))
                || (u.DisplayName != null && EF.Functions.Like(u.DisplayName.ToLower(), pattern)));
        }

        if (filter.Role is Roles.Administrator or Roles.Editor)
        {
            var role = filter.Role;
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        users = filter.State switch
        {
            "active" => users.Where(u => !u.IsDisabled && u.PasswordHash != null),
            "invited" => users.Where(u => !u.IsDisabled && u.PasswordHash == null),
            "disabled" => users.Where(u => u.IsDisabled),
            _ => users,
        };

        return users.OrderBy(u => u.Email);
    }

    /// <summary>One account for the edit page, or null.</summary>
    public Task<AccountListRow?> FindAsync(string id, CancellationToken cancellationToken) =>
        Rows(db.Users.AsNoTracking().Where(u => u.Id == id)).FirstOrDefaultAsync(cancellationToken);

    private IQueryable<AccountListRow> Rows(IQueryable<ApplicationUser> users) =>
        users
            .Select(u => new AccountListRow(
                u.Id, u.Email, u.DisplayName,
                db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)),
                db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Editor)),
                u.IsDisabled, u.PasswordHash != null, u.TwoFactorEnabled, u.LockoutEnd, u.InvitedAtUtc, u.LastSignInAtUtc));
}
