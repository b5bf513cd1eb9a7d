using System.Net;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Activities;

public sealed class ActivitiesPageTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    [Fact]
    public async Task List_ShowsUpcomingSoonestFirst_ThenPastMostRecentFirst_PublishedOnly_WithCounts()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            NewActivity("Upcoming later", Now.AddDays(30)),
            NewActivity("Upcoming soon", Now.AddDays(2)),
            NewActivity("Course in progress", Now.AddDays(-10), a => { a.EndsAtUtc = Now.AddDays(10); a.Status = ActivityStatus.Planned; }),
            NewActivity("Past recent", Now.AddDays(-3)),
            NewActivity("Past old", Now.AddDays(-400)),
            NewActivity("Draft hidden", Now.AddDays(3), a => a.PublicationState = PublicationState.Draft),
            NewActivity("Scheduled hidden", Now.AddDays(3), a => a.PublishAtUtc = Now.AddHours(1)));

        var page = await factory.CreateClient().GetDocumentAsync("/activities");

        Titles(page, "upcoming-activities").ShouldBe(["Course in progress", "Upcoming soon", "Upcoming later"]);
        Titles(page, "past-activities").ShouldBe(["Past recent", "Past old"]);
        Squash(page.QuerySelector("#result-count")!.TextContent).ShouldBe("5 activities: 3 upcoming or in progress, 2 past.");
        page.Body!.TextContent.ShouldNotContain("hidden");
        page.QuerySelectorAll("h1").Length.ShouldBe(1);
        page.Title.ShouldBe("Activities – Port Cooperation Portal");
        // Each card links to its detail page.
        page.QuerySelector("#upcoming-activities .activity-card__link")!.GetAttribute("href").ShouldStartWith("/activities/test-");
    }

    [Fact]
    public async Task List_FiltersByEachField_AndOffersOnlyValuesInUse()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var chile = await factory.WithDbAsync(db => CountryAsync(db, "CL", "Chile", "Chile"));
        var partner = new Organisation { Slug = "apn-peru", NameEn = "National Port Authority of Peru", NameEs = "Autoridad Portuaria Nacional del Perú" };
        var course = NewActivity("Course Lima 2031", new DateTime(2031, 5, 1, 14, 0, 0, DateTimeKind.Utc), a =>
        {
            a.Kind = ActivityKind.Course;
            a.HostCountryId = peru.Id;
            a.Language = "es";
        });
        course.Partners.Add(new ActivityPartner { Organisation = partner });
        await factory.AddAsync(
            course,
            NewActivity("Webinar English 2032", Now.AddDays(5), a => a.Language = "en"),
            NewActivity("Cancelled seminar Chile", Now.AddDays(9), a =>
            {
                a.Kind = ActivityKind.Seminar;
                a.Status = ActivityStatus.Cancelled;
                a.HostCountryId = chile.Id;
            }));
        var client = factory.CreateClient();

        async Task<List<string>> TitlesFor(string query)
        {
            var page = await client.GetDocumentAsync("/activities?" + query);
            return [.. Titles(page, "upcoming-activities"), .. Titles(page, "past-activities")];
        }

        (await TitlesFor("kind=Course")).ShouldBe(["Course Lima 2031"]);
        (await TitlesFor("kind=webinar")).ShouldBe(["Webinar English 2032"]);
        (await TitlesFor("status=Cancelled")).ShouldBe(["Cancelled seminar Chile"]);
        (await TitlesFor("year=2031")).ShouldBe(["Course Lima 2031"]);
        (await TitlesFor("language=en")).ShouldBe(["Webinar English 2032"]);
        (await TitlesFor("partner=apn-peru")).ShouldBe(["Course Lima 2031"]);
        (await TitlesFor("country=CL")).ShouldBe(["Cancelled seminar Chile"]);
        (await TitlesFor("country=cl&status=Planned")).ShouldBeEmpty();
        (await TitlesFor("kind=Course&year=2032")).ShouldBeEmpty();

        var filtered = await client.GetDocumentAsync("/activities?kind=Course&country=PE");
        filtered.QuerySelector("#filter-kind option[selected]")!.GetAttribute("value").ShouldBe("Course");
        filtered.QuerySelector("#filter-country option[selected]")!.GetAttribute("value").ShouldBe("PE");
        filtered.QuerySelector(".filter-form__clear")!.GetAttribute("href").ShouldBe("/activities");
        // Options come from the data: the two host countries, the one partner, the years in use.
        var all = await client.GetDocumentAsync("/activities");
        all.QuerySelectorAll("#filter-country option").Select(o => o.GetAttribute("value")).ShouldBe(["", "CL", "PE"]);
        all.QuerySelectorAll("#filter-partner option").Select(o => o.GetAttribute("value")).ShouldBe(["", "apn-peru"]);
        all.QuerySelectorAll("#filter-year option").Select(o => o.GetAttribute("value")).ShouldBe(["", "2032", "2031"]);
        all.QuerySelector("form.filter-form")!.GetAttribute("method").ShouldBe("get");
        all.QuerySelectorAll("form.filter-form select").ShouldAllBe(s => all.QuerySelector($"label[for={s.Id}]") != null);
        all.QuerySelector("input[name=__RequestVerificationToken]").ShouldBeNull();
    }

    [Theory]
    [InlineData("/activities?year=abc&kind=999&page=-1")]
    [InlineData("/activities?status=%00&language=xxxxxxxxxxxxxxxxxxxxxxxxxxx&country=ZZZ&partner=")]
    [InlineData("/activities?page=999999999999999999999&year=-5&kind=Webinar%27")]
    [InlineData("/activities?kind=1&kind=2&year[]=1")]
    [InlineData("/activities/calendar?year=abc&month=13")]
    [InlineData("/activities/calendar?year=99999999999&month=-1")]
    public async Task MalformedQueryStrings_AreIgnored_NeverAServerError(string url)
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("Only activity", Now.AddDays(3)));

        using var response = await factory.CreateClient().GetAsync(url);

        // Ignored means the page answers as without them: the list or the calendar, not an error page.
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ParseAsync(response);
        page.QuerySelector(".error-page").ShouldBeNull();
        page.QuerySelector("main h1")!.TextContent.Trim().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task List_JunkFilters_ShowEverything_FirstPage()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("Only activity", Now.AddDays(3)));

        var page = await factory.CreateClient().GetDocumentAsync("/activities?year=abc&kind=999&page=-1");

        Titles(page, "upcoming-activities").ShouldBe(["Only activity"]);
    }

    [Fact]
    public async Task List_PagesOverUpcomingThenPast()
    {
        using var factory = new WebFactory();
        await factory.AddAsync([
            .. Enumerable.Range(1, 5).Select(i => NewActivity($"Upcoming {i:00}", Now.AddDays(i))),
            .. Enumerable.Range(1, 20).Select(i => NewActivity($"Past {i:00}", Now.AddDays(-i))),
        ]);
        var client = factory.CreateClient();

        var first = await client.GetDocumentAsync("/activities");
        var second = await client.GetDocumentAsync("/activities?page=2");
        var beyond = await client.GetDocumentAsync("/activities?page=50");

        Titles(first, "upcoming-activities").Count.ShouldBe(5);
        Titles(first, "past-activities").Count.ShouldBe(15);
        Squash(first.QuerySelector(".pager__status")!.TextContent).ShouldBe("Page 1 of 2");
        first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href").ShouldBe("/activities?page=2");
        second.QuerySelector("#upcoming-activities").ShouldBeNull();
        Titles(second, "past-activities").ShouldBe(["Past 16", "Past 17", "Past 18", "Past 19", "Past 20"]);
        Titles(beyond, "past-activities").ShouldBe(Titles(second, "past-activities"));
        var filteredPager = await client.GetDocumentAsync("/activities?kind=Webinar");
        filteredPager.QuerySelector(".pager a[rel=next]")!.GetAttribute("href").ShouldBe("/activities?kind=Webinar&page=2");
    }

    [Fact]
    public async Task List_IsServedFromTheOutputCache_UntilAnActivityIsSaved()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("First", Now.AddDays(3)));
        var client = factory.CreateClient();
        Titles(await client.GetDocumentAsync("/activities"), "upcoming-activities").ShouldBe(["First"]);

        factory.SqlCommands.Reset();
        Titles(await client.GetDocumentAsync("/activities"), "upcoming-activities").ShouldBe(["First"]);
        factory.SqlCommands.Count.ShouldBe(0);

        await factory.AddAsync(NewActivity("Second", Now.AddDays(1)));
        Titles(await client.GetDocumentAsync("/activities"), "upcoming-activities").ShouldBe(["Second", "First"]);
    }

    [Fact]
    public async Task Calendar_PlacesActivitiesOnTheirLocalStartDay_WithMonthLinks()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            // 02:00 UTC on 11 March is still 10 March in Lima (UTC-5).
            NewActivity("Late webinar in Lima", new DateTime(2032, 3, 11, 2, 0, 0, DateTimeKind.Utc), a => a.EndsAtUtc = a.StartsAtUtc.AddHours(1)),
            NewActivity("April meeting", new DateTime(2032, 4, 2, 15, 0, 0, DateTimeKind.Utc), a => a.Kind = ActivityKind.Meeting),
            NewActivity("Long course", new DateTime(2032, 2, 10, 15, 0, 0, DateTimeKind.Utc), a =>
            {
                a.Kind = ActivityKind.Course;
                a.IsAllDay = true;
                a.EndsAtUtc = new DateTime(2032, 3, 20, 23, 0, 0, DateTimeKind.Utc);
            }),
            NewActivity("Draft in March", new DateTime(2032, 3, 15, 15, 0, 0, DateTimeKind.Utc), a => a.PublicationState = PublicationState.Draft));
        var client = factory.CreateClient();

        var march = await client.GetDocumentAsync("/activities/calendar?year=2032&month=3");
        var current = await client.GetDocumentAsync("/activities/calendar");
        var april = await client.GetDocumentAsync(march.QuerySelector("#next-month")!.GetAttribute("href")!);

        Squash(march.QuerySelector("#month-heading")!.TextContent).ShouldBe("March 2032");
        var busy = march.QuerySelectorAll("#calendar-grid td.activity-calendar__day--busy").ToList();
        busy.Count.ShouldBe(1);
        Squash(busy[0].QuerySelector(".visually-hidden")!.TextContent).ShouldBe("Wednesday 10 March 2032");
        Squash(busy[0].QuerySelector("a")!.TextContent).ShouldBe("Late webinar in Lima");
        Squash(march.QuerySelector("#continuing-activities")!.TextContent).ShouldContain("Long course");
        march.Body!.TextContent.ShouldNotContain("Draft in March");
        march.QuerySelectorAll("#calendar-grid thead th").Length.ShouldBe(7);
        march.QuerySelector("#previous-month")!.GetAttribute("href").ShouldBe("/activities/calendar?year=2032&month=2");
        march.QuerySelector("#next-month")!.GetAttribute("href").ShouldBe("/activities/calendar?year=2032&month=4");
        march.QuerySelector("td[aria-current=date]").ShouldNotBeNull(); // 1 March 2032 is "today"
        Squash(current.QuerySelector("#month-heading")!.TextContent).ShouldBe("March 2032");
        Squash(april.QuerySelector("#month-heading")!.TextContent).ShouldBe("April 2032");
        Squash(april.QuerySelector("#calendar-list")!.TextContent).ShouldContain("April meeting");
        var december = await client.GetDocumentAsync("/activities/calendar?year=2031&month=12");
        december.QuerySelector("#next-month")!.GetAttribute("href").ShouldBe("/activities/calendar?year=2032&month=1");
        var spanish = await client.GetDocumentAsync("/activities/calendar?year=2032&month=3&culture=es");
        Squash(spanish.QuerySelector("#month-heading")!.TextContent).ShouldBe("marzo de 2032");
    }
}
