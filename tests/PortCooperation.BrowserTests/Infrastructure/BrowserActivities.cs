using Microsoft.Extensions.DependencyInjection;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests.Infrastructure;

/// <summary>Activities a browser test registers for, added straight to the app's database.</summary>
public static class BrowserActivities
{
    /// <summary>A published online webinar in Spanish 20 days ahead, registration open since yesterday, with a waiting list.</summary>
    public static async Task<Activity> AddOpenWebinarAsync(this BrowserApp app, int capacity)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = DateTime.UtcNow;
        var activity = new Activity
        {
            Slug = "browser-" + Guid.NewGuid().ToString("N")[..10],
            Kind = ActivityKind.Webinar,
            TitleEn = "Port digitalisation webinar",
            TitleEs = "Webinario sobre digitalización portuaria",
            Language = "es",
            StartsAtUtc = now.AddDays(20),
            EndsAtUtc = now.AddDays(20).AddHours(2),
            TimeZoneId = "America/Lima",
            IsOnline = true,
            OnlineJoinUrl = "https://meet.example.org/j/987",
            Status = ActivityStatus.Planned,
            PublicationState = PublicationState.Published,
            RegistrationEnabled = true,
            RegistrationOpensAtUtc = now.AddDays(-1),
            Capacity = capacity,
            WaitingListEnabled = true,
        };
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return activity;
    }
}
