using Microsoft.AspNetCore.Http;

namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>
/// The "Security" configuration section.
/// </summary>
/// <remarks>
/// Cookie rule (docs/quality.md S6). By default every cookie the portal sets is <c>Secure</c> and carries the
/// <c>__Host-</c> prefix (<c>__Host-portal-auth</c>, <c>__Host-portal-af</c>), which binds it to this exact
/// host, path <c>/</c> and HTTPS. Browsers refuse a <c>__Host-</c> cookie without <c>Secure</c>, and a
/// <c>Secure</c> cookie never comes back over plain HTTP, so sign-in and forms cannot work on
/// <c>http://127.0.0.1</c> that way. <see cref="AllowInsecureCookies"/> = true (set in
/// appsettings.Development.json for the README's run command) drops the prefix (<c>portal-auth</c>,
/// <c>portal-af</c>) and lets the request decide <c>Secure</c> (SameAsRequest). Production leaves it false
/// and serves HTTPS, directly or behind a proxy that sends X-Forwarded-Proto (then set
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so the app knows the request was HTTPS).
/// </remarks>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Allow cookies over plain HTTP (local development only). Default false.</summary>
    public bool AllowInsecureCookies { get; set; }

    /// <summary>Administrators and Editors must enrol two-factor sign-in before the staff area opens (S5). Default true.</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    public CookieSecurePolicy CookieSecurePolicy =>
        AllowInsecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>The cookie name, with the <c>__Host-</c> prefix whenever cookies are always Secure.</summary>
    public string CookieName(string name) => AllowInsecureCookies ? name : "__Host-" + name;

    public static SecurityOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
}
