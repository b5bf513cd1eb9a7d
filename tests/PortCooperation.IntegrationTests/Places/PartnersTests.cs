using System.Net;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Places.PlacesTestData;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Places;

public sealed class PartnersTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    private static Activity With(Activity activity, Organisation organisation, PartnerRole role = PartnerRole.CoOrganiser)
    {
        activity.Partners.Add(new ActivityPartner { Organisation = organisation, Role = role });
        return activity;
    }

    [Fact]
    public async Task List_ShowsOrganisationsWithPublishedActivities_ByKind_WithCounts()
    {
        using var factory = new WebFactory();
        var imo = NewOrganisation("International Maritime Organization", "Organización Marítima Internacional", o => o.Acronym = "IMO");
        var eclac = NewOrganisation("Economic Commission for Latin America and the Caribbean", null, o => o.Acronym = "ECLAC");
        var apn = NewOrganisation("National Port Authority of Peru", "Autoridad Portuaria Nacional del Perú", o => o.Type = OrganisationType.NationalPortAuthority);
        var draftOnly = NewOrganisation("Draft-only partner");
        var noActivities = NewOrganisation("Partner without activities");
        await factory.AddAsync(
            With(NewActivity("Past webinar", Now.AddDays(-30)), imo),
            With(NewActivity("Upcoming webinar", Now.AddDays(30)), imo),
            With(NewActivity("Scheduled webinar", Now.AddDays(40), a => a.PublishAtUtc = Now.AddDays(1)), imo),
            With(NewActivity("Course", Now.AddDays(-60)), eclac),
            With(NewActivity("Seminar", Now.AddDays(-90)), apn, PartnerRole.Sponsor),
            With(NewActivity("Draft", Now.AddDays(-10), a => a.PublicationState = PublicationState.Draft), draftOnly),
            noActivities);

        var page = await factory.CreateClient().GetDocumentAsync("/partners");

        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Partners");
        page.QuerySelector(".site-nav a[href='/partners']")!.GetAttribute("aria-current").ShouldBe("page");
        page.QuerySelectorAll("section h2").Select(h => Squash(h.TextContent)).ShouldBe(["International organisations", "National port authorities"]);
        page.QuerySelectorAll("#partners-internationalorganisation-list .partner-card__name").Select(e => Squash(e.TextContent))
            .ShouldBe(["Economic Commission for Latin America and the Caribbean", "International Maritime Organization"]);
        var imoCard = page.QuerySelector($"a[href='/partners/{imo.Slug}']")!.Closest(".partner-card")!;
        Squash(imoCard.QuerySelector(".partner-card__count")!.TextContent).ShouldBe("Activities together: 2 (1 upcoming)");
        Squash(imoCard.QuerySelector(".partner-card__acronym")!.TextContent).ShouldBe("IMO");
        page.Body!.TextContent.ShouldNotContain("Draft-only partner");
        page.Body!.TextContent.ShouldNotContain("Partner without activities");
        Squash(page.QuerySelector(".home-hero__lead")!.TextContent).ShouldStartWith("3 organisations");
    }

    [Fact]
    public async Task List_InSpanish_UsesTheSpanishName_OrTheOnlyNameWithoutMarker()
    {
        using var factory = new WebFactory();
        var imo = NewOrganisation("International Maritime Organization", "Organización Marítima Internacional");
        var valenciaport = NewOrganisation("Fundación Valenciaport", null, o => o.Type = OrganisationType.Foundation);
        await factory.AddAsync(With(NewActivity("Webinar", Now.AddDays(-3)), imo), With(NewActivity("Course", Now.AddDays(-5)), valenciaport));

        var page = await factory.CreateClient().GetDocumentAsync("/partners?culture=es");

        page.QuerySelectorAll(".partner-card__name").Select(e => Squash(e.TextContent)).ShouldBe(["Organización Marítima Internacional", "Fundación Valenciaport"]);
        page.QuerySelector(".partner-card .fallback-marker").ShouldBeNull();
        page.QuerySelectorAll("section h2").Select(h => Squash(h.TextContent)).ShouldBe(["Organizaciones internacionales", "Fundaciones"]);
    }

    [Fact]
    public async Task PartnerPage_ShowsTheOrganisation_AndItsPublishedActivities_UpcomingAndPast()
    {
        using var factory = new WebFactory();
        var peru = await factory.CountryByCodeAsync("PE");
        var apn = NewOrganisation("National Port Authority of Peru", "Autoridad Portuaria Nacional del Perú", o =>
        {
            o.Acronym = "APN";
            o.Type = OrganisationType.NationalPortAuthority;
            o.CountryId = peru.Id;
            o.WebsiteUrl = "https://www.apn.gob.pe";
            o.DescriptionEn = "Peru's port authority.";
        });
        var soon = NewActivity("Seminar soon", Now.AddDays(10), a => { a.IsOnline = false; a.City = "Lima"; a.HostCountryId = peru.Id; a.Kind = ActivityKind.Seminar; });
        await factory.AddAsync(
            With(NewActivity("Meeting later", Now.AddDays(50)), apn),
            With(soon, apn),
            With(NewActivity("Webinar last month", Now.AddDays(-30), a => a.ReportedParticipants = 120), apn, PartnerRole.Sponsor),
            With(NewActivity("Webinar last year", Now.AddDays(-300)), apn),
            With(NewActivity("Draft webinar", Now.AddDays(-3), a => a.PublicationState = PublicationState.Draft), apn));

        var page = await factory.CreateClient().GetDocumentAsync($"/partners/{apn.Slug}");

        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("National Port Authority of Peru");
        Squash(page.QuerySelector("#partner-facts")!.TextContent).ShouldBe("National port authority APN Peru Website (https://www.apn.gob.pe)");
        page.QuerySelector("#partner-facts a[href='/member-states/pe']").ShouldNotBeNull();
        page.QuerySelector("#partner-website")!.GetAttribute("href").ShouldBe("https://www.apn.gob.pe");
        Squash(page.QuerySelector(".partner-description")!.TextContent).ShouldBe("Peru's port authority.");
        page.QuerySelectorAll("#partner-upcoming .places-list__title").Select(e => Squash(e.TextContent)).ShouldBe(["Seminar soon", "Meeting later"]);
        page.QuerySelectorAll("#partner-past .places-list__title").Select(e => Squash(e.TextContent)).ShouldBe(["Webinar last month", "Webinar last year"]);
        page.QuerySelector("#partner-upcoming a")!.GetAttribute("href").ShouldBe($"/activities/{soon.Slug}");
        Squash(page.QuerySelector("#partner-upcoming li")!.TextContent).ShouldContain("Lima, Peru");
        var lastMonth = Squash(page.QuerySelector("#partner-past li")!.TextContent);
        lastMonth.ShouldContain("Sponsor");
        lastMonth.ShouldContain("120 participants");
        page.Body!.TextContent.ShouldNotContain("Draft webinar");
    }

    [Fact]
    public async Task PartnerPage_InSpanish_MarksAMissingDescriptionTranslation_AndNeverLinksAnUnsafeWebsite()
    {
        using var factory = new WebFactory();
        var partner = NewOrganisation("Port Forum", null, o =>
        {
            o.DescriptionEn = "A forum of port professionals.";
            o.WebsiteUrl = "javascript:alert(1)";
        });
        await factory.AddAsync(partner);

        var page = await factory.CreateClient().GetDocumentAsync($"/partners/{partner.Slug}?culture=es");

        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Port Forum");
        page.QuerySelector(".partner-description span[lang=en]")!.TextContent.ShouldBe("A forum of port professionals.");
        Squash(page.QuerySelector(".partner-description .fallback-marker")!.TextContent).ShouldBe("(en inglés)");
        page.QuerySelector("#partner-website").ShouldBeNull();
        page.QuerySelectorAll(".empty-state").Length.ShouldBe(2);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1_000)]
    public async Task Pages_NeedAtMostThreeSqlCommands_WhateverTheNumberOfRows(int rows)
    {
        using var factory = new WebFactory();
        var peru = await factory.CountryByCodeAsync("PE");
        var main = NewOrganisation("Main partner", null, o => o.CountryId = peru.Id);
        var records = new List<object>();
        for (var i = 0; i < rows; i++)
        {
            var activity = NewActivity($"Activity {i}", Now.AddDays(i - rows / 2), a => a.HostCountryId = peru.Id);
            activity.Partners.Add(new ActivityPartner { Organisation = i == 0 ? main : NewOrganisation($"Partner {i}", null, o => o.CountryId = peru.Id), SortOrder = 0 });
            if (i > 0)
            {
                activity.Partners.Add(new ActivityPartner { Organisation = main, SortOrder = 1 });
            }

            records.Add(activity);
        }

        await factory.AddAsync([.. records]);
        var client = factory.CreateClient();
        (await client.GetAsync("/partners?warm-up=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/partners/{main.Slug}?warm-up=1")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await factory.CountSqlAsync(client, "/partners")).ShouldBe(1);
        (await factory.CountSqlAsync(client, $"/partners/{main.Slug}")).ShouldBe(2);
        (await factory.CountSqlAsync(client, "/partners/unknown-partner", HttpStatusCode.NotFound)).ShouldBe(1);
    }

    [Fact]
    public async Task DemoData_ValenciaportPage_ListsItsActivities()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });
        var client = factory.CreateClient();

        var list = await client.GetDocumentAsync("/partners");
        var page = await client.GetDocumentAsync("/partners/fundacion-valenciaport");

        list.QuerySelector("a[href='/partners/fundacion-valenciaport']").ShouldNotBeNull();
        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Valenciaport Foundation");
        page.QuerySelectorAll("#partner-past li, #partner-upcoming li").Length.ShouldBeGreaterThan(0);
    }
}
