using System.Net;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Activities;

public sealed class ActivityDetailTests(ActivityDetailTests.UnpublishedActivities unpublished) : IClassFixture<ActivityDetailTests.UnpublishedActivities>
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    [Fact]
    public async Task Detail_ShowsContent_TimesInZoneAndUtc_PlaceAndPartnerLinks()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var activity = NewActivity("Port logistics seminar", new DateTime(2032, 3, 10, 15, 0, 0, DateTimeKind.Utc), a =>
        {
            a.Slug = "port-logistics-seminar";
            a.Kind = ActivityKind.Seminar;
            a.SummaryEn = "A day on port logistics.";
            a.DescriptionEn = "First paragraph.\nSecond paragraph.";
            a.IsOnline = false;
            a.Venue = "Hotel Bolívar";
            a.City = "Lima";
            a.HostCountryId = peru.Id;
            a.EndsAtUtc = a.StartsAtUtc.AddMinutes(90);
        });
        activity.Partners.Add(new ActivityPartner { Organisation = new Organisation { Slug = "apn", NameEn = "National Port Authority", NameEs = "Autoridad Portuaria Nacional" }, Role = PartnerRole.CoOrganiser });
        await factory.AddAsync(activity);
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/activities/port-logistics-seminar");

        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Port logistics seminar");
        page.Title.ShouldBe("Port logistics seminar – Port Cooperation Portal");
        page.QuerySelector("meta[name=description]")!.GetAttribute("content").ShouldBe("A day on port logistics.");
        page.QuerySelectorAll(".activity-detail__description p").Select(p => p.TextContent).ShouldBe(["First paragraph.", "Second paragraph."]);
        var when = Squash(page.QuerySelector(".fact-list__item dd")!.TextContent);
        when.ShouldContain("Wednesday 10 March 2032, 10:00 – 11:30 Lima time (UTC\u22125)");
        Squash(page.QuerySelector("#when-utc")!.TextContent).ShouldBe("In UTC: Wednesday 10 March 2032, 15:00 – 16:30");
        page.QuerySelector(".visitor-time")!.GetAttribute("data-date-pattern").ShouldBe("dddd d MMMM yyyy");
        page.QuerySelector(".visitor-time")!.GetAttribute("data-start").ShouldBe("2032-03-10T15:00:00Z");
        Squash(page.QuerySelector("#activity-where")!.TextContent).ShouldBe("Hotel Bolívar, Lima");
        Squash(page.QuerySelector("#activity-host")!.TextContent).ShouldBe("Peru");
        var partner = page.QuerySelector("#activity-partners a")!;
        partner.GetAttribute("href").ShouldBe("/partners/apn");
        Squash(partner.TextContent).ShouldBe("National Port Authority");
        Squash(page.QuerySelector("#activity-partners")!.TextContent).ShouldContain("Co-organiser");
        page.QuerySelector("#ics-link")!.GetAttribute("href").ShouldBe("/activities/port-logistics-seminar.ics");
        page.QuerySelector("#register-link").ShouldBeNull();
        page.QuerySelector("#status-banner").ShouldBeNull();
        page.QuerySelector("script:not([src])").ShouldBeNull();
        page.QuerySelector("script[src*='activity-time']").ShouldNotBeNull();

        var spanish = await client.GetDocumentAsync("/activities/port-logistics-seminar?culture=es");
        Squash(spanish.QuerySelector("#activity-host")!.TextContent).ShouldBe("Perú");
        Squash(spanish.QuerySelector("#activity-partners a")!.TextContent).ShouldBe("Autoridad Portuaria Nacional");
        Squash(spanish.QuerySelector(".fact-list__item dd")!.TextContent).ShouldContain("miércoles 10 de marzo de 2032, 10:00 – 11:30 hora de Lima (UTC\u22125)");
    }

    [Fact]
    public async Task Detail_MissingSpanishTranslation_FallsBackToEnglish_WithMarker()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("Only in English", Now.AddDays(4), a =>
        {
            a.Slug = "only-english";
            a.TitleEs = null;
            a.DescriptionEn = "English description.";
        }));

        var page = await factory.CreateClient().GetDocumentAsync("/activities/only-english?culture=es");

        var title = page.QuerySelector("h1")!;
        title.QuerySelector("span[lang=en]")!.TextContent.ShouldBe("Only in English");
        Squash(title.QuerySelector(".fallback-marker")!.TextContent).ShouldBe("(en inglés)");
        page.QuerySelector(".activity-detail__description")!.GetAttribute("lang").ShouldBe("en");
        Squash(page.QuerySelector(".activity-detail__description .fallback-marker")!.TextContent).ShouldBe("(en inglés)");
    }

    [Fact]
    public async Task Detail_Cancelled_ShowsBannerWithReason_AndNoRegistration()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("Cancelled conference", Now.AddDays(20), a =>
        {
            a.Slug = "cancelled-conference";
            a.Status = ActivityStatus.Cancelled;
            a.StatusReasonEn = "Travel restrictions";
            a.StatusReasonEs = "Restricciones de viaje";
            a.RegistrationEnabled = true;
        }));
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/activities/cancelled-conference");
        var spanish = await client.GetDocumentAsync("/activities/cancelled-conference?culture=es");

        var banner = Squash(page.QuerySelector("#status-banner.status-banner--cancelled")!.TextContent);
        banner.ShouldContain("This activity has been cancelled.");
        banner.ShouldContain("Reason: Travel restrictions");
        page.QuerySelector("#register-link").ShouldBeNull();
        Squash(spanish.QuerySelector("#status-banner")!.TextContent).ShouldContain("Restricciones de viaje");
    }

    [Fact]
    public async Task Detail_Postponed_ShowsOriginalAndNewDates_AndReason()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("Regular meeting", new DateTime(2032, 5, 19, 14, 0, 0, DateTimeKind.Utc), a =>
        {
            a.Slug = "regular-meeting";
            a.Status = ActivityStatus.Postponed;
            a.IsAllDay = true;
            a.EndsAtUtc = new DateTime(2032, 5, 21, 22, 0, 0, DateTimeKind.Utc);
            a.OriginalStartsAtUtc = new DateTime(2031, 8, 10, 14, 0, 0, DateTimeKind.Utc);
            a.OriginalEndsAtUtc = new DateTime(2031, 8, 12, 22, 0, 0, DateTimeKind.Utc);
            a.StatusReasonEn = "COVID-19 pandemic";
        }));

        var page = await factory.CreateClient().GetDocumentAsync("/activities/regular-meeting");

        var banner = Squash(page.QuerySelector("#status-banner.status-banner--postponed")!.TextContent);
        banner.ShouldContain("This activity has been postponed.");
        banner.ShouldContain("Originally planned for 10 August 2031 – 12 August 2031");
        banner.ShouldContain("New dates: 19 May 2032 – 21 May 2032");
        banner.ShouldContain("Reason: COVID-19 pandemic");
    }

    [Fact]
    public async Task Detail_Held_ShowsParticipationFigures()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var chile = await factory.WithDbAsync(db => CountryAsync(db, "CL", "Chile", "Chile"));
        var held = NewActivity("Held webinar", Now.AddDays(-30), a =>
        {
            a.Slug = "held-webinar";
            a.ReportedParticipants = 1234;
            a.ReportedMemberStates = 21;
        });
        held.ParticipatingCountries.Add(new ActivityCountry { CountryId = peru.Id });
        held.ParticipatingCountries.Add(new ActivityCountry { CountryId = chile.Id });
        await factory.AddAsync(held, NewActivity("Planned webinar", Now.AddDays(30), a => { a.Slug = "planned-webinar"; a.ReportedParticipants = 5; }));
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/activities/held-webinar");
        var planned = await client.GetDocumentAsync("/activities/planned-webinar");

        var figures = Squash(page.QuerySelector("#participation")!.TextContent);
        figures.ShouldContain("Participants 1,234");
        figures.ShouldContain("Member states represented 21");
        figures.ShouldContain("Countries represented 2");
        figures.ShouldContain("Participants came from: Chile, Peru.");
        planned.QuerySelector("#participation").ShouldBeNull();
    }

    [Theory]
    [InlineData(true, null, null, true)]
    [InlineData(true, -1, 5, true)]
    [InlineData(true, 1, 5, false)] // not open yet
    [InlineData(true, -5, -1, false)] // closed
    [InlineData(false, null, null, false)]
    public async Task Detail_RegistrationCallToAction_OnlyWhileOpen(bool enabled, int? opensInDays, int? closesInDays, bool shown)
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("Course", Now.AddDays(20), a =>
        {
            a.Slug = "course";
            a.RegistrationEnabled = enabled;
            a.RegistrationOpensAtUtc = opensInDays is { } o ? Now.AddDays(o) : null;
            a.RegistrationClosesAtUtc = closesInDays is { } c ? Now.AddDays(c) : null;
        }));

        var page = await factory.CreateClient().GetDocumentAsync("/activities/course");

        var link = page.QuerySelector("#register-link");
        if (shown)
        {
            link!.GetAttribute("href").ShouldBe("/activities/course/register");
        }
        else
        {
            link.ShouldBeNull();
        }
    }

    [Theory]
    [InlineData("/activities/no-such-activity")]
    [InlineData("/activities/draft-activity")]
    [InlineData("/activities/scheduled-activity")]
    [InlineData("/activities/no-such-activity.ics")]
    [InlineData("/activities/draft-activity.ics")]
    public async Task UnknownOrUnpublished_Is404(string url)
    {
        using var response = await unpublished.Factory.CreateClient().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>One app holding a draft and a scheduled activity, shared by the 404 checks (they only read).</summary>
    public sealed class UnpublishedActivities : IAsyncLifetime
    {
        public WebFactory Factory { get; } = new();

        public Task InitializeAsync() => Factory.AddAsync(
            NewActivity("Draft", Now.AddDays(3), a => { a.Slug = "draft-activity"; a.PublicationState = PublicationState.Draft; }),
            NewActivity("Scheduled", Now.AddDays(3), a => { a.Slug = "scheduled-activity"; a.PublishAtUtc = Now.AddDays(1); }));

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
