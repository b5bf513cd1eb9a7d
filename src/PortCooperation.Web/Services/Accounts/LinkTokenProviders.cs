using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Accounts;

/// <summary>
/// The tokens in the links staff receive by mail (invitation, password reset): the account id, the account's
/// security stamp and the time of issue, protected by Data Protection (encrypted and signed with the shared key
/// ring) and written URL-safe. A token is refused when it was altered, names another account, is older than its
/// lifetime (read from the app's TimeProvider, so tests move the clock) or the security stamp has changed since —
/// setting a password changes it, so every link works once, and re-sending or revoking an invitation changes
/// it on purpose so older links stop working.
/// </summary>
public abstract class LinkTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    protected abstract string Name { get; }

    protected abstract TimeSpan Lifetime { get; }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var payload = Payload(clock.GetUtcNow().UtcTicks, await manager.GetUserIdAsync(user), await manager.GetSecurityStampAsync(user) ?? "");
        return WebEncoders.Base64UrlEncode(Protector(purpose).Protect(payload));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        byte[] payload;
        try
        {
            payload = Protector(purpose).Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }

        if (payload.Length < 8)
        {
            return false;
        }

        var issued = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(payload), TimeSpan.Zero);
        var parts = Encoding.UTF8.GetString(payload, 8, payload.Length - 8).Split('\n');
        var now = clock.GetUtcNow();
        return parts.Length == 2
            && issued <= now.AddMinutes(5)
            && now - issued <= Lifetime
            && parts[0] == await manager.GetUserIdAsync(user)
            && parts[1] == (await manager.GetSecurityStampAsync(user) ?? "");
    }

    private IDataProtector Protector(string purpose) => protection.CreateProtector("PortCooperation.LinkToken", Name, purpose);

    private static byte[] Payload(long ticks, string userId, string stamp)
    {
        var text = Encoding.UTF8.GetBytes(userId + "\n" + stamp);
        var payload = new byte[8 + text.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, ticks);
        text.CopyTo(payload, 8);
        return payload;
    }
}

/// <summary>Invitation links: valid for <see cref="AccountOptions.InvitationLifetime"/>.</summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptions<AccountOptions> options)
    : LinkTokenProvider(protection, clock)
{
    public const string ProviderName = "PortalInvitation";
    public const string Purpose = "Invitation";

    protected override string Name => ProviderName;

    protected override TimeSpan Lifetime => options.Value.InvitationLifetime;
}

/// <summary>Password-reset links: valid for <see cref="AccountOptions.PasswordResetLifetime"/>.</summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptions<AccountOptions> options)
    : LinkTokenProvider(protection, clock)
{
    public const string ProviderName = "PortalPasswordReset";

    protected override string Name => ProviderName;

    protected override TimeSpan Lifetime => options.Value.PasswordResetLifetime;
}
