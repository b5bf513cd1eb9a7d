using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web;

public sealed class HomePageTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    [Fact]
    public async Task Home_ListsPublishedUpcomingActivities_SoonestFirst_AtMostSix()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            NewActivity("Upcoming 3", Now.AddDays(30)),
            NewActivity("Upcoming 1", Now.AddHours(1)),
            NewActivity("Upcoming 2", Now.AddDays(2)),
            NewActivity("Upcoming 4", Now.AddDays(40)),
            NewActivity("Upcoming 5", Now.AddDays(50)),
            NewActivity("Upcoming 6", Now.AddDays(60)),
            NewActivity("Upcoming 7 beyond the six", Now.AddDays(70)),
            NewActivity("Draft not shown", Now.AddDays(1), a => a.PublicationState = PublicationState.Draft),
            NewActivity("Scheduled not shown", Now.AddDays(1), a => a.PublishAtUtc = Now.AddDays(1)));

        var page = await factory.CreateClient().GetDocumentAsync("/");

        Titles(page, "upcoming-activities").ShouldBe(["Upcoming 1", "Upcoming 2", "Upcoming 3", "Upcoming 4", "Upcoming 5", "Upcoming 6"]);
        page.Body!.TextContent.ShouldNotContain("not shown");
    }

    [Fact]
    public async Task Home_ListsHeldActivities_MostRecentFirst()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            NewActivity("Held long ago", Now.AddDays(-300)),
            NewActivity("Held last week", Now.AddDays(-7)),
            NewActivity("Held yesterday", Now.AddDays(-1)),
            NewActivity("Cancelled in the past", Now.AddDays(-3), a => a.Status = ActivityStatus.Cancelled),
            NewActivity("Held draft", Now.AddDays(-2), a => a.PublicationState = PublicationState.Draft));

        var page = await factory.CreateClient().GetDocumentAsync("/");

        Titles(page, "recent-activities").ShouldBe(["Held yesterday", "Held last week", "Held long ago"]);
        page.QuerySelector("#upcoming-activities").ShouldBeNull();
        Squash(page.Body!.TextContent).ShouldContain("No upcoming activities are scheduled at the moment.");
    }

    [Fact]
    public async Task Home_WithoutActivities_ShowsBothEmptyStates()
    {
        using var factory = new WebFactory();

        var page = await factory.CreateClient().GetDocumentAsync("/");

        var text = Squash(page.Body!.TextContent);
        text.ShouldContain("No upcoming activities are scheduled at the moment.");
        text.ShouldContain("No activities have been held yet.");
    }

    [Fact]
    public async Task Home_ShowsTimesInTheActivitysZone_WithTheZoneNamed_AndLocalisedKind()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("Port security webinar", new DateTime(2032, 3, 10, 15, 0, 0, DateTimeKind.Utc), a =>
        {
            a.EndsAtUtc = a.StartsAtUtc.AddMinutes(90);
            a.TimeZoneId = "America/Lima";
            a.Kind = ActivityKind.Course;
        }));
        var client = factory.CreateClient();

        var english = await client.GetDocumentAsync("/");
        var spanish = await client.GetDocumentAsync("/?culture=es");

        var card = english.QuerySelector("#upcoming-activities .activity-card")!;
        Squash(card.QuerySelector(".activity-card__when")!.TextContent)
            .ShouldBe("Wednesday 10 March 2032, 10:00 – 11:30 Lima time (UTC\u22125)");
        card.QuerySelector("time")!.GetAttribute("datetime").ShouldBe("2032-03-10T10:00-05:00");
        Squash(card.QuerySelector(".tag--kind")!.TextContent).ShouldBe("Online course");
        var tarjeta = spanish.QuerySelector("#upcoming-activities .activity-card")!;
        Squash(tarjeta.QuerySelector(".activity-card__when")!.TextContent)
            .ShouldBe("miércoles 10 de marzo de 2032, 10:00 – 11:30 hora de Lima (UTC\u22125)");
        Squash(tarjeta.QuerySelector(".tag--kind")!.TextContent).ShouldBe("Curso en línea");
    }

    [Fact]
    public async Task Home_MarksCancelledAndPostponedActivities()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            NewActivity("Hemispheric conference", Now.AddDays(10), a =>
            {
                a.Status = ActivityStatus.Cancelled;
                a.StatusReasonEn = "Travel restrictions";
                a.StatusReasonEs = "Restricciones de viaje";
            }),
            NewActivity("Regular meeting", new DateTime(2032, 5, 19, 14, 0, 0, DateTimeKind.Utc), a =>
            {
                a.Status = ActivityStatus.Postponed;
                a.IsAllDay = true;
                a.EndsAtUtc = new DateTime(2032, 5, 21, 22, 0, 0, DateTimeKind.Utc);
                a.OriginalStartsAtUtc = new DateTime(2031, 8, 10, 14, 0, 0, DateTimeKind.Utc);
                a.OriginalEndsAtUtc = new DateTime(2031, 8, 12, 22, 0, 0, DateTimeKind.Utc);
            }),
            NewActivity("Ordinary webinar", Now.AddDays(20)));

        var page = await factory.CreateClient().GetDocumentAsync("/");

        Titles(page, "upcoming-activities").ShouldBe(["Hemispheric conference", "Ordinary webinar", "Regular meeting"]);
        var cards = page.QuerySelectorAll("#upcoming-activities .activity-card").ToList();
        Squash(cards[0].QuerySelector(".tag--cancelled")?.TextContent).ShouldBe("Cancelled");
        Squash(cards[0].TextContent).ShouldContain("Reason: Travel restrictions");
        cards[1].QuerySelector(".tag--cancelled, .tag--postponed").ShouldBeNull();
        Squash(cards[2].QuerySelector(".tag--postponed")?.TextContent).ShouldBe("Postponed");
        Squash(cards[2].QuerySelector(".activity-card__when")!.TextContent).ShouldStartWith("19 May 2032 – 21 May 2032");
        Squash(cards[2].TextContent).ShouldContain("Originally planned for 10 August 2031 – 12 August 2031");
    }

    [Fact]
    public async Task Home_ShowsPartnersAndPlace()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var activity = NewActivity("Seminar in Lima", Now.AddDays(5), a =>
        {
            a.IsOnline = false;
            a.City = "Lima";
            a.HostCountryId = peru.Id;
        });
        activity.Partners.Add(new ActivityPartner
        {
            Organisation = new Organisation { Slug = $"apn-{Guid.NewGuid():N}", NameEn = "National Port Authority of Peru", NameEs = "Autoridad Portuaria Nacional del Perú" },
        });
        await factory.AddAsync(activity);
        var client = factory.CreateClient();

        var english = Squash((await client.GetDocumentAsync("/")).QuerySelector("#upcoming-activities")!.TextContent);
        var spanish = Squash((await client.GetDocumentAsync("/?culture=es")).QuerySelector("#upcoming-activities")!.TextContent);

        english.ShouldContain("Lima, Peru");
        english.ShouldContain("With National Port Authority of Peru");
        spanish.ShouldContain("Lima, Perú");
        spanish.ShouldContain("Con Autoridad Portuaria Nacional del Perú");
    }

    [Fact]
    public async Task Home_NeedsAtMostThreeSqlCommands()
    {
        using var factory = new WebFactory();
        for (var i = 0; i < 8; i++)
        {
            var activity = NewActivity($"Activity {i}", Now.AddDays(i % 2 == 0 ? i + 1 : -i));
            activity.Partners.Add(new ActivityPartner { Organisation = new Organisation { Slug = $"org-{Guid.NewGuid():N}", NameEn = $"Partner {i}" } });
            await factory.AddAsync(activity);
        }

        var client = factory.CreateClient();
        // Warm up EF and the views on another cache entry, so the measured request is an uncached one.
        (await client.GetAsync("/?warm-up=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.SqlCommands.Reset();
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.SqlCommands.Count.ShouldBeInRange(1, 3);
    }

    [Fact]
    public async Task Home_IsServedFromTheOutputCache_UntilAnActivityIsSaved()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("First upcoming", Now.AddDays(3)));
        var client = factory.CreateClient();
        Titles(await client.GetDocumentAsync("/"), "upcoming-activities").ShouldBe(["First upcoming"]);

        factory.SqlCommands.Reset();
        Titles(await client.GetDocumentAsync("/"), "upcoming-activities").ShouldBe(["First upcoming"]);
        factory.SqlCommands.Count.ShouldBe(0);

        await factory.AddAsync(NewActivity("Added later", Now.AddDays(1)));

        Titles(await client.GetDocumentAsync("/"), "upcoming-activities").ShouldBe(["Added later", "First upcoming"]);
        // Each language has its own entry.
        Squash((await client.GetDocumentAsync("/?culture=es")).QuerySelector("h1")!.TextContent).ShouldBe("Cooperación portuaria en las Américas");
    }

    [Fact]
    public async Task Home_HasTitleAndMetaDescription()
    {
        using var factory = new WebFactory();

        var page = await factory.CreateClient().GetDocumentAsync("/");

        page.Title.ShouldBe("Port Cooperation Portal");
        page.QuerySelector("meta[name=description]")!.GetAttribute("content").ShouldNotBeNullOrWhiteSpace();
        page.QuerySelectorAll("h1").Length.ShouldBe(1);
        page.QuerySelector("main#main").ShouldNotBeNull();
        page.QuerySelector("a.skip-link")!.GetAttribute("href").ShouldBe("#main");
    }
}
