using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>
/// How long a staff sign-in lasts. Every request with the sign-in cookie is checked against the account (one query):
/// the cookie's security stamp must still be the account's — sign-out, a password change, a new second factor or a
/// disabled account change or refuse it, so a copied cookie dies with the session it was copied from — and the
/// sign-in must be less than <see cref="MaxLifetime"/> old however busy the session has been (the time of sign-in
/// travels in the cookie as <see cref="SignedInAtClaim"/> and survives every renewal).
/// </summary>
public static class StaffSessions
{
    public const string SignedInAtClaim = "portal:signed-in-at";
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(12);

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (!await IsCurrentAsync(context))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // Identity's own check then refreshes the claims (roles, two-factor enrolment) every minute.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>Carries the time of sign-in over when Identity rebuilds the principal.</summary>
    public static Task KeepSignInTimeAsync(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SignedInAtClaim) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == SignedInAtClaim))
        {
            identity.AddClaim(new Claim(SignedInAtClaim, claim.Value));
        }

        return Task.CompletedTask;
    }

    public static Claim SignedInAt(DateTimeOffset now) =>
        new(SignedInAtClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (principal?.FindFirst(SignedInAtClaim)?.Value is not { } value
            || !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > MaxLifetime)
        {
            return false;
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var user = await users.GetUserAsync(principal);
        return user is { IsDisabled: false }
            && (!users.SupportsUserSecurityStamp || string.Equals(principal.FindFirstValue(stampClaim), await users.GetSecurityStampAsync(user), StringComparison.Ordinal));
    }
}
