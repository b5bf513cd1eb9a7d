using Microsoft.AspNetCore.Mvc;
using PortCooperation.Web.Services.Accounts;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>/Admin/Accounts: the filter and one page of accounts.</summary>
public sealed class AccountListPage
{
    public required AccountListFilter Filter { get; init; }

    public required Paged<AccountListRow> Rows { get; init; }

    /// <summary>Identity stamps and checks lockouts with the system clock, not the app's TimeProvider: so does the list.</summary>
    public DateTimeOffset LockoutNow { get; } = DateTimeOffset.UtcNow;
}

/// <summary>What the invitation form posts.</summary>
public sealed class InviteInput
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; }

    public string? Language { get; set; }
}

/// <summary>One account with the forms that change it.</summary>
/// <summary>The roles form of an account: the ticked roles.</summary>
public sealed class AccountRolesInput
{
    [ModelBinder(Name = "roles")]
    public string[]? Roles { get; set; }
}

public sealed class AccountEditPage
{
    /// <summary>What the roles form posts: it names its boxes.</summary>
    public AccountRolesInput RolesInput { get; } = new();

    public required AccountListRow Account { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required DateTime? InvitationExpiresAtUtc { get; init; }

    public required bool IsSelf { get; init; }

    /// <summary>Identity stamps and checks lockouts with the system clock, not the app's TimeProvider.</summary>
    public DateTimeOffset LockoutNow { get; } = DateTimeOffset.UtcNow;
}
