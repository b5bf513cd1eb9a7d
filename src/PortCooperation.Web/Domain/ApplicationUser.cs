using Microsoft.AspNetCore.Identity;

namespace PortCooperation.Web.Domain;

/// <summary>A staff account (secretariat staff and administrators).</summary>
public class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>Role names; seeded at start-up.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Staff = Administrator + "," + Editor;

    public static readonly IReadOnlyList<string> All = [Administrator, Editor];
}
