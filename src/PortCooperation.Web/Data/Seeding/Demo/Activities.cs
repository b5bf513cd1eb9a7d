using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>
/// Activities of the executive report (seed 000), the SELA meeting and colloquium (seed 004) and a few fixed 2027
/// activities for the "upcoming" lists. Each activity is built with its partners and countries; an activity already on
/// file is left as it is (with its children), so staff edits to demo records survive a restart.
/// </summary>
internal static partial class Activities
{
    public static async Task SeedAsync(SeedContext seed, CancellationToken cancellationToken)
    {
        IEnumerable<Activity> all =
        [
            .. Events2020(seed),
            .. Webinars2020(seed),
            .. Courses2020(seed),
            .. Planned2020(seed),
            .. Sela2017(seed),
            .. Upcoming(seed),
        ];
        await seed.Db.EnsureAsync(all, a => a.Slug, SeedMode.AddMissing, cancellationToken);
    }

    /// <summary>Marks an activity as published demo content.</summary>
    private static Activity Published(this Activity activity, DateTime publishedAtUtc)
    {
        activity.IsDemo = true;
        activity.PublicationState = PublicationState.Published;
        activity.PublishedAtUtc = publishedAtUtc;
        return activity;
    }

    private static Activity Days(this Activity activity, string timeZoneId, DateOnly first, DateOnly last)
    {
        (activity.StartsAtUtc, activity.EndsAtUtc) = SeedTime.Days(timeZoneId, first, last);
        activity.TimeZoneId = timeZoneId;
        activity.IsAllDay = true;
        return activity;
    }

    private static Activity At(this Activity activity, string timeZoneId, DateOnly day, int hour, int minutes)
    {
        activity.StartsAtUtc = SeedTime.Utc(timeZoneId, day.Year, day.Month, day.Day, hour);
        activity.EndsAtUtc = activity.StartsAtUtc.AddMinutes(minutes);
        activity.TimeZoneId = timeZoneId;
        activity.IsAllDay = false;
        return activity;
    }

    private static Activity With(this Activity activity, SeedContext seed, string organisationSlug, PartnerRole role = PartnerRole.CoOrganiser)
    {
        activity.Partners.Add(new ActivityPartner
        {
            Organisation = seed.Organisation(organisationSlug),
            Role = role,
            SortOrder = activity.Partners.Count,
        });
        return activity;
    }

    /// <summary>
    /// Countries whose officials took part, as the report lists them (it gives no per-country head count). The entered
    /// member-state total is the member states among them, so reports can read one column for webinars and courses.
    /// </summary>
    private static Activity From(this Activity activity, SeedContext seed, params string[] countryCodes)
    {
        foreach (var code in countryCodes)
        {
            activity.ParticipatingCountries.Add(new ActivityCountry { Country = seed.Country(code) });
        }

        activity.ReportedMemberStates = activity.ParticipatingCountries.Count(c => c.Country!.IsMemberState);
        return activity;
    }

    private static Activity CancelledForCovid(this Activity activity)
    {
        activity.Status = ActivityStatus.Cancelled;
        activity.StatusReasonEn = "COVID-19 pandemic";
        activity.StatusReasonEs = "Pandemia de COVID-19";
        return activity;
    }
}
