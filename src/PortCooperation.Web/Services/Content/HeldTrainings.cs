using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Content;

/// <summary>
/// The one rule for which activities the participation figures count, so the home page, the statistics and the
/// country pages add up the same records: webinars, courses and diplomas the public can see, held by now.
/// </summary>
public static class HeldTrainings
{
    public static IQueryable<Activity> Held(this IQueryable<Activity> activities, DateTime nowUtc) =>
        activities.Public(nowUtc).Where(a =>
            a.Status == ActivityStatus.Held && a.StartsAtUtc <= nowUtc
            && (a.Kind == ActivityKind.Webinar || a.Kind == ActivityKind.Course || a.Kind == ActivityKind.Diploma));

    /// <summary>
    /// Held activities no country can be credited with: neither participating countries entered (the source reports
    /// only totals, as for the 2020 webinars) nor an attendee whose country is known.
    /// </summary>
    public static IQueryable<Activity> WithoutCountries(this IQueryable<Activity> held) =>
        held.Where(a => !a.ParticipatingCountries.Any() && !a.Registrations.Any(r => r.Attended == true && r.CountryId != null));
}
