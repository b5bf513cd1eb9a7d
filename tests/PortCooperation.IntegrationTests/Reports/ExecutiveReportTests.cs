using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using PortCooperation.IntegrationTests.Web;
using static PortCooperation.IntegrationTests.Reports.ReportPage;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Reports;

/// <summary>The executive report against the demo data drawn from the source report (seed 000).</summary>
public sealed class ExecutiveReportTests(DemoDataFactory app) : IClassFixture<DemoDataFactory>
{
    private const string Year2019 = "/Admin/Reports?period=year&periodYear=2019";
    private const string Q2Of2020 = "/Admin/Reports?period=quarter&periodYear=2020&periodQuarter=2";

    [Fact]
    public async Task Report2019_ShowsTheScholarshipRecordsOfTheSourceReport()
    {
        var page = await app.Staff.GetDocumentAsync(Year2019);

        Current(page, "scholarships.count").ShouldBe(273);
        Current(page, "scholarships.memberstates").ShouldBe(31);
        Current(page, "scholarships.men").ShouldBe(173);
        Current(page, "scholarships.women").ShouldBe(100);
        Current(page, "scholarships.usd").ShouldBe(723_783m);
        Previous(page, "scholarships.count").ShouldBe(0);
        var usd = page.QuerySelector("tr[data-figure='scholarships.usd']")!;
        Squash(usd.QuerySelector(".report-figures__current")!.TextContent).ShouldBe("USD 723,783");
        Squash(page.QuerySelector(".report-letterhead__period")!.TextContent).ShouldBe("2019");
        Squash(page.QuerySelector("thead .report-figures__previous")!.TextContent).ShouldBe("Previous period (2018)");
    }

    [Fact]
    public async Task Report2020_ComparesScholarshipsWith2019()
    {
        var page = await app.Staff.GetDocumentAsync("/Admin/Reports?period=year&periodYear=2020");

        Current(page, "scholarships.count").ShouldBe(0);
        Previous(page, "scholarships.count").ShouldBe(273);
        Previous(page, "scholarships.usd").ShouldBe(723_783m);
        Squash(page.QuerySelector("tr[data-figure='scholarships.count'] .report-figures__change")!.TextContent).ShouldBe("−273");
    }

    [Fact]
    public async Task ReportQ2_2020_ListsTheSixWebinarsWithPartnersDatesAndParticipants()
    {
        var page = await app.Staff.GetDocumentAsync(Q2Of2020);

        Squash(page.QuerySelector(".report-letterhead__period")!.TextContent).ShouldBe("Q2 2020 (April–June)");
        var webinars = page.QuerySelectorAll("#webinars-list > li").Select(li => Squash(li.TextContent)).ToList();
        webinars.Count.ShouldBe(6);
        webinars[0].ShouldStartWith("How to Avoid Contact of COVID-19 in Port Facilities Wednesday 6 May 2020 · with International Network on Port Infrastructure Security (Red PBIP Mexico)");
        webinars[0].ShouldContain("260 participants · 17 member states");
        webinars[1].ShouldContain("Smart Ports and New Technologies Tuesday 19 May 2020 · with Valenciaport Foundation 400 participants · 15 member states");
        webinars[2].ShouldContain("Impact of Ports on their Economic Environment Tuesday 2 June 2020 · with Valenciaport Foundation 265 participants · 16 member states");
        webinars[3].ShouldContain("Tuesday 9 June 2020 · with Economic Commission for Latin America and the Caribbean, International Network on Port Infrastructure Security (Red PBIP Mexico) 270 participants · 13 member states");
        webinars[4].ShouldContain("Multimodality and Competitiveness Foundation for Trade Facilitation Tuesday 16 June 2020 · with Valenciaport Foundation 145 participants · member states not recorded");
        webinars[5].ShouldContain("Port Resiliency: Severe Weather Planning and Trade Lane Management Tuesday 30 June 2020 · with Maersk participants not recorded · 12 member states");

        // The data gives 1,340 (the source's headline says 1,355; the Maersk webinar has no count) and says so.
        Current(page, "webinars.count").ShouldBe(6);
        Current(page, "webinars.participants").ShouldBe(1_340);
        Current(page, "webinars.memberstates").ShouldBe(17);
        page.QuerySelector("tr[data-figure='webinars.memberstates'] .report-note-ref").ShouldNotBeNull();
        Squash(page.QuerySelector("#note-missing-participants")!.TextContent).ShouldStartWith("Activities of this period without a participant count on file: 1.");
    }

    [Fact]
    public async Task ReportQ2_2020_ListsTheFourCoursesWithTheirCountries()
    {
        var page = await app.Staff.GetDocumentAsync(Q2Of2020);

        var courses = page.QuerySelectorAll("#courses-list > li").ToList();
        courses.Select(c => c.GetAttribute("data-activity")).ShouldBe([
            "course-new-challenges-strategies-ports-logistics-2020",
            "course-digital-transformation-ports-foreign-trade-2020",
            "course-international-agreements-maritime-transport-2020",
            "course-port-security-continuity-crises-2020",
        ]);
        courses.Select(c => c.QuerySelector("[data-participants]")!.GetAttribute("data-participants")).ShouldBe(["30", "36", "38", "28"]);
        Squash(courses[0].TextContent).ShouldContain("20 April 2020 – 15 May 2020 · with National Port Authority of Peru");
        courses[0].QuerySelectorAll("[data-country]").Select(c => c.GetAttribute("data-country")).OrderBy(c => c)
            .ShouldBe(["AR", "BO", "BR", "CO", "CR", "EC", "GT", "PE", "SV"]);
        courses[0].QuerySelector("a[data-country='PE']")!.GetAttribute("href").ShouldBe("/member-states/pe");
        var caribbean = Squash(courses[3].TextContent);
        caribbean.ShouldContain("22 June 2020 – 17 July 2020 · with United States Coast Guard, Port Management Association of the Caribbean");
        caribbean.ShouldContain("28 participants · 11 member states");
        caribbean.ShouldContain("Montserrat");
        caribbean.ShouldContain("British Virgin Islands");

        // The per-course lists give 132 officials from 23 member states (the headline's 151/24 is not in the data).
        Current(page, "courses.count").ShouldBe(4);
        Current(page, "courses.participants").ShouldBe(132);
        Current(page, "courses.memberstates").ShouldBe(23);
        page.QuerySelector("tr[data-figure='courses.memberstates'] .report-note-ref").ShouldBeNull();
    }

    [Fact]
    public async Task ReportQ2_2020_ListsCancelledAndPostponedEventsWithReasonsAndNewDates()
    {
        var page = await app.Staff.GetDocumentAsync(Q2Of2020);

        Current(page, "cancelled.count").ShouldBe(2);
        // The meeting postponed from August is announced here but counted once, in Q3 (its original date).
        Current(page, "postponed.count").ShouldBe(0);
        var items = page.QuerySelectorAll("#changed-activities > li").Select(li => (li.GetAttribute("data-status"), Squash(li.TextContent))).ToList();
        items.Count.ShouldBe(3);
        items[0].Item1.ShouldBe("Cancelled");
        items[0].Item2.ShouldContain("V Hemispheric Conference on Sustainable Management and Environmental Protection");
        items[0].Item2.ShouldContain("Veracruz, Mexico · with General Coordination of Ports and Merchant Marine, SCT Mexico");
        items[0].Item2.ShouldContain("Reason: COVID-19 pandemic");
        items[1].Item2.ShouldContain("IV Seminar on Social Responsibility, Gender Equity and Empowerment of Women");
        items[1].Item2.ShouldContain("Lima, Peru");
        items[2].Item1.ShouldBe("Postponed");
        items[2].Item2.ShouldContain("Originally planned for: 26 August 2020 – 28 August 2020");
        items[2].Item2.ShouldContain("New dates: 19 May 2021 – 21 May 2021");
        items[2].Item2.ShouldContain("Reason: COVID-19 pandemic");
        page.QuerySelector("#changed-activities a")!.GetAttribute("href").ShouldBe("/activities/v-hemispheric-conference-sustainable-management-2020");
    }

    [Fact]
    public async Task ReportQ2_2020_CountsTheCovid19DocumentsByRegion()
    {
        var page = await app.Staff.GetDocumentAsync(Q2Of2020);

        Current(page, "documents.count").ShouldBe(23);
        Current(page, "documents.international").ShouldBe(7);
        Current(page, "documents.national").ShouldBe(16);
        page.QuerySelectorAll("#documents-by-source tbody tr")
            .Select(r => $"{Squash(r.QuerySelector("th")!.TextContent)} {Squash(r.QuerySelector("td")!.TextContent)}")
            .ShouldBe([
                "International organisations 7",
                "National port authorities – North America 3",
                "National port authorities – Central America 3",
                "National port authorities – South America 5",
                "National port authorities – Caribbean 5",
            ]);
        page.QuerySelectorAll("#documents-by-topic tr[data-topic='covid-19'] th, #documents-by-topic tr[data-topic='covid-19'] td")
            .Select(c => Squash(c.TextContent)).ShouldBe(["COVID-19", "23", "0"]);
    }

    [Fact]
    public async Task ReportQ2_2020_ListsSpeakingEngagementsAndThePlansForTheNextQuarter()
    {
        var page = await app.Staff.GetDocumentAsync(Q2Of2020);

        Current(page, "speaking.count").ShouldBe(4);
        Current(page, "speaking.audience").ShouldBe(350);
        Squash(page.QuerySelector("#speaking-list")!.TextContent).ShouldContain("Duarte&Morales: Webinar Ports and Covid-19 Tuesday, May 12, 2020 · 350 participants · 23 countries");
        Squash(page.QuerySelector("#h-planned")!.TextContent).ShouldBe("8. Activities planned for Q3 2020 (July–September)");
        Current(page, "planned.count").ShouldBe(7);
        var planned = Squash(page.QuerySelector("#planned-list")!.TextContent);
        planned.ShouldContain("Webinar (4)");
        planned.ShouldContain("Dredging: Issues and Contracts");
        planned.ShouldContain("with Mission of France");
        planned.ShouldContain("Logistics Management and Application to Port Operations · 29 June 2020 – 24 July 2020");
        planned.ShouldContain("Strategic Port Indicators");
        planned.ShouldContain("Diploma in Planning, Management and Governance of Port Cities");
    }

    [Fact]
    public async Task Report_SaysWhenThePortalHasNoUsageFigures()
    {
        var page = await app.Staff.GetDocumentAsync(Q2Of2020);

        Squash(page.QuerySelector("#usage-unavailable")!.TextContent).ShouldStartWith("The portal has not recorded any page view yet");
    }

    [Fact]
    public async Task Report_InSpanish()
    {
        var page = await app.Staff.GetDocumentAsync(Year2019 + "&culture=es");

        Squash(page.QuerySelector("#report-title")!.TextContent).ShouldBe("Informe ejecutivo");
        Squash(page.QuerySelector("tr[data-figure='scholarships.count'] th")!.TextContent).ShouldBe("Becas otorgadas");
        Squash(page.QuerySelector("tr[data-figure='scholarships.usd'] .report-figures__current")!.TextContent).ShouldBe("USD 723.783");
        var q2 = await app.Staff.GetDocumentAsync(Q2Of2020 + "&culture=es");
        Squash(q2.QuerySelector(".report-letterhead__period")!.TextContent).ShouldBe("T2 2020 (abril–junio)");
        Squash(q2.QuerySelector("#webinars-list > li")!.TextContent).ShouldContain("Cómo evitar el contagio de COVID-19 en las instalaciones portuarias");
        Squash(q2.QuerySelector("#changed-activities")!.TextContent).ShouldContain("Motivo: Pandemia de COVID-19");
    }

    [Fact]
    public async Task EveryFigure_LinksToTheRecordsItCounts()
    {
        var page = await app.Staff.GetDocumentAsync(Year2019);
        var link = page.QuerySelector("tr[data-figure='scholarships.count'] .report-figures__current a")!.GetAttribute("href")!;

        var records = await app.Staff.GetDocumentAsync(link);

        records.QuerySelector("#records-total")!.GetAttribute("data-total").ShouldBe("273");
        records.QuerySelectorAll("#records tbody tr").Length.ShouldBe(273);
        records.QuerySelector("#records tbody a")!.GetAttribute("href")!.ShouldStartWith("/member-states/");

        // The same rows as CSV: a header and one line per listed record, the first record first.
        var csv = await app.Staff.GetAsync(records.QuerySelector("#records-csv")!.GetAttribute("href")!);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1 + 273);
        lines[1].ShouldStartWith(PortCooperation.Web.Services.Reports.CsvWriter.Text(records.QuerySelector("#records tbody th")!.TextContent.Trim()) + ",");

        var q2 = await app.Staff.GetDocumentAsync(Q2Of2020);
        foreach (var key in new[] { "webinars.count", "courses.count", "cancelled.count", "postponed.count", "documents.count", "speaking.count", "planned.count" })
        {
            var href = q2.QuerySelector($"tr[data-figure='{key}'] .report-figures__current a")!.GetAttribute("href")!;
            var list = await app.Staff.GetDocumentAsync(href);
            list.QuerySelector("#records-total")!.GetAttribute("data-total").ShouldBe(Current(q2, key).ToString(CultureInfo.InvariantCulture), key);
        }
    }

    [Fact]
    public async Task Report_ForOneMemberState_AndOneRegion()
    {
        var peru = await app.Staff.GetDocumentAsync("/Admin/Reports?period=quarter&periodYear=2020&periodQuarter=2&scope=state&state=PE");
        Current(peru, "courses.count").ShouldBe(4);
        Current(peru, "documents.count").ShouldBe(1);
        Current(peru, "cancelled.count").ShouldBe(1);
        Squash(peru.QuerySelector(".report-letterhead__meta dd")!.TextContent).ShouldBe("Peru");

        var caribbean = await app.Staff.GetDocumentAsync("/Admin/Reports?period=year&periodYear=2019&scope=region&region=Caribbean");
        Current(caribbean, "scholarships.memberstates").ShouldBe(15);
        Current(caribbean, "scholarships.count").ShouldBeLessThan(273);
    }

    [Theory]
    [InlineData("/Admin/Reports?period=year&periodYear=abc")]
    [InlineData("/Admin/Reports?period=custom&from=2020-06-30&to=2020-04-01")]
    [InlineData("/Admin/Reports?period=decade")]
    [InlineData("/Admin/Reports?scope=state&state=ZZ")]
    [InlineData("/Admin/Reports/Records?set=everything")]
    public async Task MalformedInput_Is400_Not500(string url)
    {
        using var response = await app.Staff.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Report_IsForStaffOnly()
    {
        using var anonymous = app.Factory.CreateBrowserLikeClient();

        using var response = await anonymous.GetAsync(Year2019);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Identity/Account/Login");
    }
}
