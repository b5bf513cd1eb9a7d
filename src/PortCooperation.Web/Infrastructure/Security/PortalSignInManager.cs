using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>
/// Identity's sign-in manager with two extra rules: a disabled staff account cannot sign in (an existing session of
/// a disabled account ends at its next request, see <see cref="StaffSessions"/>), and every sign-in cookie carries
/// the time of sign-in, which a refresh of the same session keeps.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private Claim? _refreshedSignInAt;

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        _refreshedSignInAt = Context.User.FindFirst(StaffSessions.SignedInAtClaim);
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshedSignInAt = null;
        }
    }

    public override Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims) =>
        base.SignInWithClaimsAsync(user, authenticationProperties,
            [.. additionalClaims, _refreshedSignInAt is { } kept ? new Claim(kept.Type, kept.Value) : StaffSessions.SignedInAt(clock.GetUtcNow())]);

    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
