namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>
/// Password and lockout rules of docs/quality.md S4 (OWASP ASVS 5.0 §6.2, NIST SP 800-63B): length over
/// composition, a blocklist of common and breached passwords, and a temporary lockout after repeated failures.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;

    public const int MaximumLength = 128;

    /// <summary>Only refuses trivially repetitive passwords ("aaaaaaaaaaaa"); not a composition rule.</summary>
    public const int RequiredUniqueChars = 4;

    public const int MaxFailedAccessAttempts = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
}
