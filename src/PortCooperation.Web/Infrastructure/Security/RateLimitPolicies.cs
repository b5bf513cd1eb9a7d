using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>
/// The named rate-limit policies of docs/quality.md S10. Put them on actions with
/// <c>[EnableRateLimiting(RateLimitPolicies.Search)]</c> (or the string). A refused request gets 429 with
/// <c>Retry-After</c> (seconds) and the friendly, localised status page. Registration is limited inside its form
/// instead (<c>RegistrationThrottle</c>), so a refusal keeps what the visitor typed.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Staff sign-in POST: per client IP and the e-mail address typed, so one person guessing at one account is slowed down without locking out colleagues behind the same proxy.</summary>
    public const string Login = "login";

    /// <summary>Library search: per client IP.</summary>
    public const string Search = "search";

    /// <summary>Where the login policy finds the typed e-mail address (read from the form before the limiter runs).</summary>
    internal const string LoginNameItem = "PortCooperation.RateLimit.LoginName";
}

/// <summary>The "RateLimiting" configuration section: one window per policy.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public RateLimitWindow Login { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };

    /// <summary>All sign-in POSTs of one client whatever the address typed: one password sprayed over many accounts.</summary>
    public RateLimitWindow LoginPerClient { get; set; } = new() { PermitLimit = 30, WindowSeconds = 300 };

    /// <summary>Registrations with one e-mail address, whatever the activity.</summary>
    public RateLimitWindow RegistrationPerAddress { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    /// <summary>Registrations for one activity from everyone: well above one office registering a team of 30 at once.</summary>
    public RateLimitWindow RegistrationPerActivity { get; set; } = new() { PermitLimit = 200, WindowSeconds = 600 };

    /// <summary>Every registration post from one network address, failed ones included: a ceiling against floods only.</summary>
    public RateLimitWindow RegistrationPerNetwork { get; set; } = new() { PermitLimit = 300, WindowSeconds = 600 };

    public RateLimitWindow Search { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };
}

/// <summary><see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> (a fixed window) for one partition.</summary>
public sealed class RateLimitWindow
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    internal FixedWindowRateLimiterOptions ToLimiterOptions() => new()
    {
        PermitLimit = Math.Max(1, PermitLimit),
        Window = TimeSpan.FromSeconds(Math.Max(1, WindowSeconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

public static class RateLimitingExtensions
{
    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicies.Login, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(context) + "|" + (context.Items[RateLimitPolicies.LoginNameItem] as string ?? ""),
                _ => options.Login.ToLimiterOptions()));
            // Runs besides the endpoint policies: the sign-in endpoints also share one window per client.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == RateLimitPolicies.Login
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => options.LoginPerClient.ToLimiterOptions())
                    : RateLimitPartition.GetNoLimiter(""));
            // Only requests that search (?q=…) cost a full-text query; browsing the listing is not limited.
            limiter.AddPolicy(RateLimitPolicies.Search, context => string.IsNullOrWhiteSpace(context.Request.Query["q"])
                ? RateLimitPartition.GetNoLimiter("browse")
                : RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => options.Search.ToLimiterOptions()));
            limiter.OnRejected = (rejected, _) =>
            {
                // The status code pages then render the friendly "too many requests" page in the visitor's language.
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                rejected.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// The rate limiter, after routing (it needs the endpoint's policy). The login policy partitions by the
    /// e-mail address typed, which lives in the form: it is read (and buffered for MVC) before the limiter runs.
    /// </summary>
    public static WebApplication UsePortalRateLimiting(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == RateLimitPolicies.Login
                && context.Request.HasFormContentType)
            {
                try
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    context.Items[RateLimitPolicies.LoginNameItem] = form["Email"].ToString().Trim().ToLowerInvariant();
                }
                catch (BadHttpRequestException ex)
                {
                    // The body ended early, too slowly or too large: Kestrel's status (400, 408, 413), as elsewhere.
                    context.Response.StatusCode = ex.StatusCode;
                    return;
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException)
                {
                    // A malformed form (NUL characters, too many values, a multipart body cut short) is the client's fault: 400, as MVC answers.
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The client's network address as the limits see it (the forwarded one behind a configured proxy).</summary>
    public static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString();
}
