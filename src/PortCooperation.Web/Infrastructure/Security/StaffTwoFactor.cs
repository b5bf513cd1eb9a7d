using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>
/// Puts "has enrolled two-factor sign-in" into the sign-in cookie, so the staff area can enforce it (S5)
/// without a database query per request. The claim follows the account: it is rebuilt at every sign-in,
/// every refresh after enrolment and every security-stamp check (within a minute).
/// </summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string TwoFactorEnrolledClaim = "portal:2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user))
        {
            identity.AddClaim(new Claim(TwoFactorEnrolledClaim, "true"));
        }

        return identity;
    }
}

/// <summary>
/// On every staff-area controller (through AdminControllerBase): an Administrator or Editor who has not
/// enrolled two-factor sign-in is sent to the enrolment page first, with the page asked for as return URL.
/// Runs after the authorization middleware (anonymous → sign-in, non-staff → 403), before model binding.
/// Security:RequireTwoFactorForStaff=false switches it off (the Testing environment only).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequireStaffTwoFactorAttribute : Attribute, IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        var security = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (!security.RequireTwoFactorForStaff
            || user.Identity?.IsAuthenticated != true
            || user.HasClaim(PortalClaimsPrincipalFactory.TwoFactorEnrolledClaim, "true")
            || !(user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Editor)))
        {
            return;
        }

        var request = context.HttpContext.Request;
        var returnUrl = HttpMethods.IsGet(request.Method) ? request.PathBase + request.Path + request.QueryString : null;
        context.Result = new RedirectToActionResult("Enable", "TwoFactor", new { area = "Identity", returnUrl });
    }
}
