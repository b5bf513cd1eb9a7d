using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Infrastructure.Security;

namespace PortCooperation.Web.Services.Registrations;

/// <summary>Which limit refused a registration attempt.</summary>
public enum RegistrationLimit
{
    None = 0,
    Network = 1,
    Activity = 2,
    Address = 3,
}

/// <summary>The throttle's answer: allowed, or refused by <see cref="Limit"/> until <see cref="RetryAfter"/> has passed.</summary>
public readonly record struct ThrottleDecision(RegistrationLimit Limit, TimeSpan RetryAfter)
{
    public bool Allowed => Limit == RegistrationLimit.None;

    public static ThrottleDecision Allow { get; } = new(RegistrationLimit.None, TimeSpan.Zero);
}

/// <summary>
/// Limits registrations inside the form rather than in front of it, so a refusal re-shows the filled form with the
/// real wait. Registrations count per e-mail address and per activity (a person or a script repeating itself); every
/// post counts towards a generous ceiling per network address, so one office can register its whole team while a
/// flood from one place is still stopped. Fixed windows on the app's <see cref="TimeProvider"/>; counts live in this
/// process (one instance per app, like the built-in limiter).
/// </summary>
public sealed class RegistrationThrottle(TimeProvider clock, IOptions<RateLimitOptions> options)
{
    private const int PurgeThreshold = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts one post from <paramref name="network"/> (valid or not) against the per-network ceiling.</summary>
    public ThrottleDecision TryPost(string network) =>
        TryTake("n|" + network, options.Value.RegistrationPerNetwork, RegistrationLimit.Network);

    /// <summary>Counts one registration that is about to be made, against the activity's and the address's limits.</summary>
    public ThrottleDecision TryRegister(int activityId, string normalisedEmail)
    {
        var activity = TryTake("a|" + activityId.ToString(System.Globalization.CultureInfo.InvariantCulture), options.Value.RegistrationPerActivity, RegistrationLimit.Activity);
        return activity.Allowed ? TryTake("e|" + normalisedEmail, options.Value.RegistrationPerAddress, RegistrationLimit.Address) : activity;
    }

    private ThrottleDecision TryTake(string key, RateLimitWindow limit, RegistrationLimit kind)
    {
        var now = clock.GetUtcNow();
        var length = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds));
        if (_windows.Count > PurgeThreshold)
        {
            var longest = TimeSpan.FromSeconds(new[] { options.Value.RegistrationPerNetwork, options.Value.RegistrationPerActivity, options.Value.RegistrationPerAddress }
                .Max(w => Math.Max(1, w.WindowSeconds)));
            foreach (var stale in _windows.Where(w => w.Value.Start + longest <= now))
            {
                _windows.TryRemove(stale);
            }
        }

        var window = _windows.GetOrAdd(key, _ => new Window(now));
        lock (window)
        {
            if (window.Start + length <= now)
            {
                window.Start = now;
                window.Count = 0;
            }

            if (window.Count >= Math.Max(1, limit.PermitLimit))
            {
                return new ThrottleDecision(kind, window.Start + length - now);
            }

            window.Count++;
            return ThrottleDecision.Allow;
        }
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Count { get; set; }
    }
}
