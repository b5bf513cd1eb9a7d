using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Security;

namespace PortCooperation.Web.Infrastructure;

public static class IdentityServiceCollectionExtensions
{
    public const string LoginPath = "/Identity/Account/Login";
    public const string LogoutPath = "/Identity/Account/Logout";

    /// <summary>Staff sign-in: ASP.NET Core Identity with the password, lockout and cookie rules set below.</summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var security = SecurityOptions.From(configuration);
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.SectionName));

        services.AddIdentity<ApplicationUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddPasswordValidator<MaximumLengthPasswordValidator>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // Claims (roles, two-factor enrolment) are rebuilt every minute; whether the session still stands is checked
        // on every request (StaffSessions), and the rebuilt principal keeps the time of sign-in.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = StaffSessions.KeepSignInTimeAsync;
        });
        services.AddPortalCookies(security);
        services.AddPortalRateLimiting(configuration);
        return services;
    }

    private static void ConfigureIdentity(IdentityOptions options)
    {
        // Length, not composition (NIST SP 800-63B, ASVS 5.0 6.2.5); the maximum and the blocklist are validators.
        options.Password.RequiredLength = PasswordRules.MinimumLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = PasswordRules.RequiredUniqueChars;

        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = PasswordRules.MaxFailedAccessAttempts;
        options.Lockout.DefaultLockoutTimeSpan = PasswordRules.LockoutDuration;

        // Staff sign in with their e-mail address, which is also their user name.
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
        options.SignIn.RequireConfirmedEmail = false;
    }

    /// <summary>Every cookie the portal sets follows the rule documented on <see cref="SecurityOptions"/>.</summary>
    private static void AddPortalCookies(this IServiceCollection services, SecurityOptions security)
    {
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = security.CookieName("portal-auth");
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = security.CookieSecurePolicy;
            o.Cookie.Path = "/";

            // Lax, not Strict: a link to an admin page in a staff e-mail still finds the session. Cross-site
            // POSTs carry no cookie under Lax, and every POST needs an antiforgery token anyway (S2).
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(2);
            o.SlidingExpiration = true;
            o.LoginPath = LoginPath;
            o.LogoutPath = LogoutPath;
            o.Events.OnValidatePrincipal = StaffSessions.ValidatePrincipalAsync;

            // A signed-in user without a staff role gets 403 on the page itself (rendered by the status code
            // pages), not a redirect to an "access denied" page that could loop or look like success.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // Cookies used later by two-factor sign-in (S5); named and secured by the same rule now.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => Secure(o, "portal-2fa", security, SameSiteMode.Strict));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => Secure(o, "portal-2fa-remember", security, SameSiteMode.Strict));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => Secure(o, "portal-external", security, SameSiteMode.Lax));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = security.CookieName("portal-af");
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = security.CookieSecurePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
        });

        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = security.CookieName("portal-tempdata");
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = security.CookieSecurePolicy;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
        });
    }

    // External sign-in (if ever added) returns from another site, so it needs Lax to see its cookie.
    private static void Secure(CookieAuthenticationOptions options, string name, SecurityOptions security, SameSiteMode sameSite)
    {
        options.Cookie.Name = security.CookieName(name);
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = security.CookieSecurePolicy;
        options.Cookie.SameSite = sameSite;
        options.Cookie.Path = "/";
    }
}
