using System.Net;
using AngleSharp.Html.Dom;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Places.PlacesTestData;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Places;

public sealed class MemberStatesTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    private static List<string> Names(IHtmlDocument page, string listId) =>
        [.. page.QuerySelectorAll($"#{listId} .country-card__name").Select(e => Squash(e.TextContent))];

    [Fact]
    public async Task Directory_GroupsThe35MemberStatesByRegion_AndListsNonMembersApart()
    {
        using var factory = new WebFactory();

        var page = await factory.CreateClient().GetDocumentAsync("/member-states");

        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Member states");
        page.QuerySelectorAll("section h2").Select(h => Squash(h.TextContent))
            .ShouldBe(["North America", "Central America", "South America", "Caribbean", "Other participating countries"]);
        Names(page, "region-northamerica-list").ShouldBe(["Canada", "Mexico", "United States"]);
        Names(page, "region-centralamerica-list").ShouldBe(["Costa Rica", "El Salvador", "Guatemala", "Honduras", "Nicaragua", "Panama"]);
        Names(page, "region-southamerica-list").Count.ShouldBe(10);
        Names(page, "region-caribbean-list").Count.ShouldBe(16);
        Names(page, "region-caribbean-list").ShouldContain("Trinidad and Tobago");
        Names(page, "other-countries-list").ShouldBe(["British Virgin Islands", "France", "Montserrat", "Netherlands", "Spain", "Switzerland"]);
        Squash(page.QuerySelector(".home-hero__lead")!.TextContent).ShouldStartWith("The 35 member states");
        page.QuerySelector("#region-southamerica-list a[href='/member-states/pe']").ShouldNotBeNull();
        Squash(page.QuerySelector("#region-southamerica-list a[href='/member-states/pe']")!.ParentElement!.ParentElement!.QuerySelector(".country-card__code")!.TextContent)
            .ShouldBe("ISO code PE");
    }

    [Fact]
    public async Task Directory_InSpanish_UsesSpanishNamesAndOrder()
    {
        using var factory = new WebFactory();

        var page = await factory.CreateClient().GetDocumentAsync("/member-states?culture=es");

        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Estados miembros");
        Names(page, "region-northamerica-list").ShouldBe(["Canadá", "Estados Unidos", "México"]);
        Names(page, "region-southamerica-list").ShouldContain("Perú");
        Squash(page.QuerySelector("#region-southamerica")!.TextContent).ShouldBe("América del Sur");
        Names(page, "other-countries-list").ShouldBe(["España", "Francia", "Islas Vírgenes Británicas", "Montserrat", "Países Bajos", "Suiza"]);
    }

    [Fact]
    public async Task Directory_CountryWithoutSpanishName_ShowsTheEnglishOneMarked()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(new Country { Code = "QZ", NameEn = "Testland", NameEs = "", Region = Region.Europe, IsMemberState = false });

        var page = await factory.CreateClient().GetDocumentAsync("/member-states?culture=es");

        var card = page.QuerySelectorAll("#other-countries-list .country-card__name").Single(e => e.TextContent.Contains("Testland"));
        card.QuerySelector("span[lang=en]")!.TextContent.ShouldBe("Testland");
        Squash(card.QuerySelector(".fallback-marker")!.TextContent).ShouldBe("(en inglés)");
    }

    [Fact]
    public async Task Directory_CountsOnlyPublishedDocumentsAndActivities()
    {
        using var factory = new WebFactory();
        var peru = await factory.CountryByCodeAsync("PE");
        await factory.AddAsync(
            NewDocument("Published guide", peru),
            NewDocument("Draft guide", peru, d => d.PublicationState = PublicationState.Draft),
            NewDocument("Scheduled guide", peru, d => d.PublishAtUtc = Now.AddDays(2)),
            NewActivity("Seminar in Lima", Now.AddDays(-20), a => a.HostCountryId = peru.Id),
            NewActivity("Draft seminar", Now.AddDays(-20), a => { a.HostCountryId = peru.Id; a.PublicationState = PublicationState.Draft; }));

        var page = await factory.CreateClient().GetDocumentAsync("/member-states");

        var card = page.QuerySelector("a[href='/member-states/pe']")!.Closest(".country-card")!;
        card.QuerySelectorAll(".country-card__facts li").Select(li => Squash(li.TextContent)).ShouldBe(["Best practices: 1", "Activities hosted: 1"]);
    }

    [Fact]
    public async Task CountryPage_GathersPortsDocumentsActivitiesParticipationScholarshipsAndSpeaking()
    {
        using var factory = new WebFactory();
        var peru = await factory.CountryByCodeAsync("PE");
        var chile = await factory.CountryByCodeAsync("CL");
        var programme = NewProgramme("Ports Network Programme", "Programa Red de Puertos", out var first, out var third);
        programme.Join(first, "Callao", peru, "PECLL");
        programme.Join(third, "Paita", peru);
        programme.Join(first, "Valparaíso", chile);
        var apn = NewOrganisation("National Port Authority of Peru", "Autoridad Portuaria Nacional del Perú");
        var hosted = NewActivity("Seminar in Lima", Now.AddDays(-20), a => { a.HostCountryId = peru.Id; a.City = "Lima"; a.IsOnline = false; a.Kind = ActivityKind.Seminar; });
        var upcoming = NewActivity("Meeting in Lima", Now.AddDays(20), a => { a.HostCountryId = peru.Id; a.City = "Lima"; a.IsOnline = false; a.Kind = ActivityKind.Meeting; });
        var abroad = NewActivity("Course in Santiago", Now.AddDays(-40), a => { a.HostCountryId = chile.Id; a.Kind = ActivityKind.Course; });
        abroad.ParticipatingCountries.Add(new ActivityCountry { CountryId = peru.Id, Participants = 12 });
        abroad.ParticipatingCountries.Add(new ActivityCountry { CountryId = chile.Id, Participants = 30 });
        var speaking = new SpeakingEngagement { TitleEn = "Ports and pandemics", TitleEs = "Puertos y pandemias", OrganiserName = "Port Forum", Date = new DateOnly(2031, 6, 1), IsOnline = true, AudienceSize = 150 };
        speaking.Countries.Add(new SpeakingEngagementCountry { CountryId = peru.Id });
        await factory.AddAsync(
            programme,
            NewDocument("Terminal prevention guide", peru, d => d.SourceOrganisation = apn),
            NewDocument("Draft guide", peru, d => d.PublicationState = PublicationState.Draft),
            NewDocument("Chilean guide", chile),
            hosted,
            upcoming,
            NewActivity("Draft seminar", Now.AddDays(-10), a => { a.HostCountryId = peru.Id; a.PublicationState = PublicationState.Draft; }),
            abroad,
            NewRegistration(abroad, peru, attended: true),
            NewRegistration(abroad, peru, attended: false),
            NewRegistration(abroad, peru, RegistrationStatus.Cancelled),
            NewRegistration(abroad, chile, attended: true),
            NewScholarship(peru, 2031, Gender.Female, 1_000m),
            NewScholarship(peru, 2031, Gender.Male, 500.50m),
            NewScholarship(peru, 2030, Gender.Female, 300m),
            NewScholarship(chile, 2031, Gender.Male, 9_999m),
            speaking);

        var page = await factory.CreateClient().GetDocumentAsync("/member-states/pe");

        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Peru");
        page.Title.ShouldBe("Peru – Port Cooperation Portal");
        Squash(page.QuerySelector(".places-hero__meta")!.TextContent).ShouldBe("Member state South America ISO code PE");
        var ports = page.QuerySelectorAll("#country-ports > li").Select(li => Squash(li.TextContent)).ToList();
        ports.ShouldBe([
            "Callao UN/LOCODE PECLL Ports Network Programme: Phase I–II 2014–2016",
            "Paita Ports Network Programme: Phase III 2017–2018",
        ]);
        var documents = page.QuerySelectorAll("#country-documents > li").ToList();
        documents.Count.ShouldBe(1);
        documents[0].QuerySelector("a")!.GetAttribute("href").ShouldStartWith("/library/doc-");
        Squash(documents[0].TextContent).ShouldBe("Terminal prevention guide 1 May 2031 · National Port Authority of Peru");
        page.QuerySelectorAll("#country-hosted .places-list__title").Select(e => Squash(e.TextContent)).ShouldBe(["Meeting in Lima", "Seminar in Lima"]);
        page.QuerySelector("#country-hosted a")!.GetAttribute("href").ShouldBe($"/activities/{upcoming.Slug}");
        Squash(page.QuerySelector("#country-hosted li")!.QuerySelector(".tag--upcoming")?.TextContent).ShouldBe("Upcoming");
        page.QuerySelectorAll("#country-participation > div").Select(d => Squash(d.TextContent)).ShouldBe([
            "Activities with officials from this country 1",
            "Participants recorded for those activities 12",
            "Registrations through the portal 2",
            "Registered people who attended 1",
        ]);
        Squash(page.QuerySelector("#country-participated li")!.TextContent).ShouldContain("Course in Santiago");
        Squash(page.QuerySelector("#country-participated li")!.TextContent).ShouldContain("12 participants");
        page.QuerySelectorAll("#country-scholarships tbody tr").Select(r => Squash(r.TextContent)).ShouldBe(["2031 2 1 1 1,501", "2030 1 1 0 300"]);
        Squash(page.QuerySelector("#country-scholarships tfoot tr")!.TextContent).ShouldBe("Total 3 2 1 1,801");
        Squash(page.QuerySelector("#country-speaking li")!.TextContent).ShouldBe("Ports and pandemics 1 June 2031 · Port Forum · Online · audience of 150");
        page.QuerySelector("#country-figures")!.QuerySelectorAll(".key-figure__value").Select(e => e.TextContent.Trim()).ShouldBe(["2", "1", "2", "1", "3"]);
    }

    [Fact]
    public async Task CountryPage_InSpanish_WithAMissingTranslation_ShowsTheEnglishTextMarked()
    {
        using var factory = new WebFactory();
        var peru = await factory.CountryByCodeAsync("PE");
        await factory.AddAsync(
            NewDocument("Guide only in English", peru, d => d.TitleEs = null),
            NewDocument("Guía traducida", peru, d => { d.TitleEn = "Translated guide"; d.TitleEs = "Guía traducida"; d.PublishedOn = new DateOnly(2031, 1, 1); }));

        var page = await factory.CreateClient().GetDocumentAsync("/member-states/pe?culture=es");

        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Perú");
        Squash(page.QuerySelector("#documents-heading")!.TextContent).ShouldBe("Buenas prácticas de Perú");
        var titles = page.QuerySelectorAll("#country-documents .places-list__title").ToList();
        titles[0].QuerySelector("span[lang=en]")!.TextContent.ShouldBe("Guide only in English");
        Squash(titles[0].QuerySelector(".fallback-marker")!.TextContent).ShouldBe("(en inglés)");
        Squash(titles[1].TextContent).ShouldBe("Guía traducida");
        titles[1].QuerySelector(".fallback-marker").ShouldBeNull();
    }

    [Fact]
    public async Task CountryPage_WithNothingOnRecord_ShowsEmptyStates()
    {
        using var factory = new WebFactory();

        var page = await factory.CreateClient().GetDocumentAsync("/member-states/bo");

        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Bolivia");
        page.QuerySelectorAll(".empty-state").Length.ShouldBe(5);
        page.QuerySelectorAll("h1").Length.ShouldBe(1);
    }

    [Fact]
    public async Task CountryPage_OfANonMember_SaysSo()
    {
        using var factory = new WebFactory();

        var page = await factory.CreateClient().GetDocumentAsync("/member-states/es");

        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("Spain");
        Squash(page.QuerySelector(".places-hero__meta")!.TextContent).ShouldStartWith("Not a member state Europe");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1_000)]
    public async Task Pages_NeedAtMostThreeSqlCommands_WhateverTheNumberOfRows(int rows)
    {
        using var factory = new WebFactory();
        var peru = await factory.CountryByCodeAsync("PE");
        var chile = await factory.CountryByCodeAsync("CL");
        var programme = NewProgramme("Programme", null, out var first, out _);
        var records = new List<object> { programme };
        for (var i = 0; i < rows; i++)
        {
            programme.Join(first, $"Port {i}", i % 2 == 0 ? peru : chile);
            records.Add(NewDocument($"Guide {i}", peru, d => d.SourceOrganisation = NewOrganisation($"Source {i}")));
            var activity = NewActivity($"Activity {i}", Now.AddDays(i - rows / 2), a => a.HostCountryId = i % 2 == 0 ? peru.Id : chile.Id);
            activity.ParticipatingCountries.Add(new ActivityCountry { CountryId = peru.Id, Participants = i });
            records.Add(activity);
            records.Add(NewRegistration(activity, peru, attended: i % 3 == 0));
            records.Add(NewScholarship(peru, 2000 + (i % 30), i % 2 == 0 ? Gender.Female : Gender.Male, 100m));
            var engagement = new SpeakingEngagement { TitleEn = $"Talk {i}", Date = new DateOnly(2030, 1, 1).AddDays(i) };
            engagement.Countries.Add(new SpeakingEngagementCountry { CountryId = peru.Id });
            records.Add(engagement);
        }

        await factory.AddAsync([.. records]);
        var client = factory.CreateClient();
        (await client.GetAsync("/member-states/cl?warm-up=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/member-states?warm-up=1")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await factory.CountSqlAsync(client, "/member-states")).ShouldBe(1);
        (await factory.CountSqlAsync(client, "/member-states/pe")).ShouldBe(3);
        (await factory.CountSqlAsync(client, "/member-states/zz?x=1", HttpStatusCode.NotFound)).ShouldBe(1, "an unknown code costs one lookup");
    }

    [Fact]
    public async Task Pages_AreServedFromTheOutputCache_UntilARecordTheyShowIsSaved()
    {
        using var factory = new WebFactory();
        var peru = await factory.CountryByCodeAsync("PE");
        var client = factory.CreateClient();
        (await client.GetDocumentAsync("/member-states/pe")).QuerySelector("#country-documents").ShouldBeNull();

        factory.SqlCommands.Reset();
        (await client.GetDocumentAsync("/member-states/pe")).QuerySelector("#country-documents").ShouldBeNull();
        factory.SqlCommands.Count.ShouldBe(0);

        await factory.AddAsync(NewDocument("New guide", peru));
        await factory.AddAsync(new ScholarshipAward { RecipientName = "x", CountryId = peru.Id, AmountUsd = 10m, AwardedOn = new DateOnly(2031, 1, 1) });

        var page = await client.GetDocumentAsync("/member-states/pe");
        Squash(page.QuerySelector("#country-documents")!.TextContent).ShouldContain("New guide");
        page.QuerySelector("#country-scholarships").ShouldNotBeNull();
    }

    [Fact]
    public async Task DemoData_MexicoHasItsFourPortSystems_InBothPhases()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });

        var page = await factory.CreateClient().GetDocumentAsync("/member-states/mx");

        page.QuerySelectorAll("#country-ports .port-list__name").Select(e => e.TextContent.Trim())
            .ShouldBe(["Altamira", "Lázaro Cárdenas", "Manzanillo", "Veracruz"]);
        Squash(page.QuerySelectorAll("#country-ports > li")[1].TextContent).ShouldContain("Phase III 2017–2018");
        page.QuerySelectorAll("#country-scholarships tbody tr").Length.ShouldBe(1);
    }
}
