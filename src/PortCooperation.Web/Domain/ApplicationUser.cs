using Microsoft.AspNetCore.Identity;

namespace PortCooperation.Web.Domain;

/// <summary>A staff account (secretariat staff and administrators).</summary>
public class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>"en" or "es": the language of the mails the account receives (invitation, password reset).</summary>
    public string? Language { get; set; }

    /// <summary>When the latest invitation was sent; with no password yet, the invitation is still open.</summary>
    public DateTime? InvitedAtUtc { get; set; }

    /// <summary>The last completed sign-in (after the second step where there is one).</summary>
    public DateTime? LastSignInAtUtc { get; set; }
}

/// <summary>Role names; seeded at start-up.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Staff = Administrator + "," + Editor;

    public static readonly IReadOnlyList<string> All = [Administrator, Editor];
}
