namespace PortCooperation.Web.Services.Accounts;

/// <summary>The "Accounts" configuration section: how long invitation and password-reset links stay valid.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>An invitation link works this long after it was sent (re-sending starts it again). Default 7 days.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A password-reset link works this long. Default 2 hours.</summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(2);
}
