using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Reports.ReportPage;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Reports;

/// <summary>
/// The rules that make the report's figures trustworthy, each on data arranged for it in 2031: changes counted once,
/// "at least" kept in every column, gender rows that add up, partner and programme scopes in every format, and the
/// warnings about what the report cannot count.
/// </summary>
public sealed class TrustedReportTests
{
    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_cancelled_or_postponed_activity_is_counted_once_in_the_period_of_its_original_date()
    {
        using var factory = new WebFactory();
        // Cancelled in May (Q2); postponed from August (Q3) to next year.
        await factory.AddAsync(
            NewActivity("Cancelled in May", Utc(2031, 5, 10), a => a.Status = ActivityStatus.Cancelled),
            NewActivity("Postponed from August", Utc(2032, 3, 1), a =>
            {
                a.Status = ActivityStatus.Postponed;
                a.OriginalStartsAtUtc = Utc(2031, 8, 20);
                a.OriginalEndsAtUtc = Utc(2031, 8, 20).AddHours(2);
            }));
        var staff = await factory.StaffClientAsync();

        var q2 = await staff.GetDocumentAsync("/Admin/Reports?period=quarter&periodYear=2031&periodQuarter=2");
        var q3 = await staff.GetDocumentAsync("/Admin/Reports?period=quarter&periodYear=2031&periodQuarter=3");
        var q4 = await staff.GetDocumentAsync("/Admin/Reports?period=quarter&periodYear=2031&periodQuarter=4");

        (Current(q2, "cancelled.count"), Current(q2, "postponed.count")).ShouldBe((1m, 0m));
        (Current(q3, "cancelled.count"), Previous(q3, "cancelled.count"), Current(q3, "postponed.count")).ShouldBe((0m, 1m, 1m));
        (Previous(q4, "postponed.count"), Current(q4, "postponed.count")).ShouldBe((1m, 0m));
        // Q2's report announces the postponement due in Q3 but says it is counted there.
        q2.QuerySelector("#changed-activities li[data-status='Postponed']")!.GetAttribute("data-counted").ShouldBe("next");
        Squash(q2.QuerySelector("#changed-activities li[data-status='Postponed']")!.TextContent).ShouldContain("(Counted in Q3 2031)");
        Squash(q2.QuerySelector("#changes-lead")!.TextContent).ShouldContain("each is counted once, in the period of its original date");
        // The records behind the figure agree with it.
        var records = await staff.GetDocumentAsync(q2.QuerySelector("tr[data-figure='postponed.count'] .report-figures__current a")!.GetAttribute("href")!);
        records.QuerySelector("#records-total")!.GetAttribute("data-total").ShouldBe("0");
    }

    [Fact]
    public async Task Planned_activities_are_not_compared_with_a_different_horizon()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("Planned for July", Utc(2031, 7, 10)), NewActivity("Held in May", Utc(2031, 5, 10)));
        var staff = await factory.StaffClientAsync();

        var q2 = await staff.GetDocumentAsync("/Admin/Reports?period=quarter&periodYear=2031&periodQuarter=2");

        var row = q2.QuerySelector("tr[data-figure='planned.count']")!;
        row.GetAttribute("data-current").ShouldBe("1");
        row.GetAttribute("data-previous").ShouldBe("");
        Squash(row.QuerySelector(".report-figures__previous")!.TextContent).ShouldBe("no comparison");
        q2.QuerySelector("#note-no-comparison").ShouldNotBeNull();
    }

    /// <summary>Webinars whose member states are known only as a total: 2030's and 2031's figures are both minimums.</summary>
    private static async Task AddWebinarsKnownOnlyAsTotalsAsync(WebFactory factory) =>
        await factory.WithDbAsync(async db =>
        {
            var peru = await CountryAsync(db, "PE", "Peru", "Perú");
            var first = NewActivity("Totals only 2030", Utc(2030, 11, 5), a => { a.ReportedParticipants = 90; a.ReportedMemberStates = 9; });
            var second = NewActivity("Totals only 2031", Utc(2031, 5, 5), a => { a.ReportedParticipants = 120; a.ReportedMemberStates = 12; });
            var third = NewActivity("With countries 2031", Utc(2031, 6, 5), a => a.ReportedParticipants = 40);
            third.ParticipatingCountries.Add(new ActivityCountry { Country = peru, Participants = 40 });
            db.Activities.AddRange(first, second, third);
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task A_minimum_keeps_its_at_least_marker_in_the_year_report_and_the_previous_column_on_screen_Word_and_CSV()
    {
        using var factory = new WebFactory();
        await AddWebinarsKnownOnlyAsTotalsAsync(factory);
        var staff = await factory.StaffClientAsync();
        const string year = "period=year&periodYear=2031";

        var page = await staff.GetDocumentAsync("/Admin/Reports?" + year);

        var row = page.QuerySelector("tr[data-figure='webinars.memberstates']")!;
        $"{row.GetAttribute("data-current")}/{row.GetAttribute("data-previous")}".ShouldBe("12/9");
        row.GetAttribute("data-current-at-least").ShouldBe("true");
        row.GetAttribute("data-previous-at-least").ShouldBe("true");
        Squash(row.QuerySelector(".report-figures__current")!.TextContent).ShouldBe("at least 12(a)");
        Squash(row.QuerySelector(".report-figures__previous")!.TextContent).ShouldBe("at least 9(a)");
        Squash(row.QuerySelector(".report-figures__change")!.TextContent).ShouldBe("–");
        page.QuerySelector("#note-lower-bound").ShouldNotBeNull();

        using var word = await WordAsync(staff, year);
        var rows = word.MainDocumentPart!.Document!.Body!.Descendants<TableRow>()
            .Select(r => string.Join("|", r.Elements<TableCell>().Select(c => c.InnerText))).ToList();
        rows.ShouldContain("Member states represented|at least 12 (a)|at least 9 (a)|–");

        var csv = await CsvAsync(staff, year);
        csv[0].ShouldEndWith(",This period: minimum,Previous period: minimum");
        csv.ShouldContain(l => l.StartsWith("webinars,webinars.memberstates,Member states represented,12,9,,", StringComparison.Ordinal) && l.EndsWith(",at least,at least", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Men_women_and_not_recorded_add_up_to_the_scholarships()
    {
        using var factory = new WebFactory();
        await factory.WithDbAsync(async db =>
        {
            var peru = await CountryAsync(db, "PE", "Peru", "Perú");
            Gender?[] genders = [Gender.Male, Gender.Male, Gender.Female, null, Gender.PreferNotToSay, Gender.Other];
            foreach (var gender in genders)
            {
                db.ScholarshipAwards.Add(new ScholarshipAward { RecipientName = "R", Gender = gender, Country = peru, ProgrammeName = "Port management", AmountUsd = 100m, AwardedOn = new DateOnly(2031, 3, 1) });
            }

            await db.SaveChangesAsync();
        });
        var staff = await factory.StaffClientAsync();

        var page = await staff.GetDocumentAsync("/Admin/Reports?period=year&periodYear=2031");

        (Current(page, "scholarships.men"), Current(page, "scholarships.women"), Current(page, "scholarships.notrecorded")).ShouldBe((2m, 1m, 3m));
        (Current(page, "scholarships.men") + Current(page, "scholarships.women") + Current(page, "scholarships.notrecorded")).ShouldBe(Current(page, "scholarships.count"));
        Squash(page.QuerySelector("tr[data-figure='scholarships.notrecorded'] th")!.TextContent).ShouldBe("Gender not recorded");
    }

    /// <summary>One course with a partner and a scholarship for it, another course without; a programme led by the partner.</summary>
    internal static async Task<(int Partner, int Programme)> AddPartnerWorkAsync(WebFactory factory) =>
        await factory.WithDbAsync(async db =>
        {
            var peru = await CountryAsync(db, "PE", "Peru", "Perú");
            var partner = new Organisation { Slug = $"o-{Guid.NewGuid():N}", NameEn = "Harbour Institute", Type = OrganisationType.University };
            var programme = new Programme { Slug = $"p-{Guid.NewGuid():N}", NameEn = "Digital Ports Network", LeadOrganisation = partner };
            var withPartner = NewActivity("Course with the institute", Utc(2031, 5, 5), a => { a.Kind = ActivityKind.Course; a.ReportedParticipants = 30; });
            withPartner.Partners.Add(new ActivityPartner { Organisation = partner });
            var alone = NewActivity("Course alone", Utc(2031, 5, 20), a => { a.Kind = ActivityKind.Course; a.ReportedParticipants = 50; });
            db.AddRange(programme, withPartner, alone);
            db.ScholarshipAwards.AddRange(
                new ScholarshipAward { RecipientName = "A", Gender = Gender.Female, Country = peru, Activity = withPartner, AmountUsd = 500m, AwardedOn = new DateOnly(2031, 4, 2) },
                new ScholarshipAward { RecipientName = "B", Gender = Gender.Male, Country = peru, Activity = alone, AmountUsd = 700m, AwardedOn = new DateOnly(2031, 4, 3) },
                new ScholarshipAward { RecipientName = "C", Gender = Gender.Male, Country = peru, ProgrammeName = "Digital Ports Network", AmountUsd = 300m, AwardedOn = new DateOnly(2031, 4, 4) });
            await db.SaveChangesAsync();
            return (partner.Id, programme.Id);
        });

    [Fact]
    public async Task A_report_for_one_partner_or_one_programme_on_screen_in_CSV_and_in_Word()
    {
        using var factory = new WebFactory();
        var (partner, programme) = await AddPartnerWorkAsync(factory);
        var staff = await factory.StaffClientAsync();
        var byPartner = $"period=quarter&periodYear=2031&periodQuarter=2&scope=partner&partner={partner}";
        var byProgramme = $"period=quarter&periodYear=2031&periodQuarter=2&scope=programme&programme={programme}";

        var everything = await staff.GetDocumentAsync("/Admin/Reports?period=quarter&periodYear=2031&periodQuarter=2");
        var page = await staff.GetDocumentAsync("/Admin/Reports?" + byPartner);
        var programmePage = await staff.GetDocumentAsync("/Admin/Reports?" + byProgramme);

        (Current(everything, "courses.count"), Current(everything, "scholarships.count")).ShouldBe((2m, 3m));
        (Current(page, "courses.count"), Current(page, "courses.participants"), Current(page, "scholarships.count"), Current(page, "scholarships.usd")).ShouldBe((1m, 30m, 1m, 500m));
        Squash(page.QuerySelector(".report-letterhead__meta dd")!.TextContent).ShouldBe("Harbour Institute");
        page.QuerySelector("#usage-not-scoped").ShouldNotBeNull();
        page.QuerySelector("#partner option[selected]")!.GetAttribute("value").ShouldBe(partner.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (Current(programmePage, "courses.count"), Current(programmePage, "scholarships.count")).ShouldBe((1m, 2m));
        Squash(programmePage.QuerySelector(".report-letterhead__meta dd")!.TextContent).ShouldBe("Digital Ports Network");
        // The figures link to records of the same scope.
        var records = await staff.GetDocumentAsync(page.QuerySelector("tr[data-figure='courses.count'] .report-figures__current a")!.GetAttribute("href")!);
        records.QuerySelector("#records-total")!.GetAttribute("data-total").ShouldBe("1");

        var csv = await CsvAsync(staff, byPartner);
        csv.ShouldContain(l => l.StartsWith("courses,courses.count,Courses held,1,0,1,Harbour Institute", StringComparison.Ordinal));
        using var word = await WordAsync(staff, byProgramme);
        var body = word.MainDocumentPart!.Document!.Body!;
        body.InnerText.ShouldContain("Scope: Digital Ports Network");
        body.InnerText.ShouldContain("Course with the institute");
        body.InnerText.ShouldNotContain("Course alone");
        using var download = await staff.GetAsync("/Admin/Reports/Word?" + byProgramme);
        download.Content.Headers.ContentDisposition!.FileName.ShouldBe($"executive-report-2031-04-01-2031-06-30-programme-{programme}.docx");

        // An unknown partner is refused like an unknown member state.
        using var unknown = await staff.GetAsync("/Admin/Reports?scope=partner&partner=999999");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_dashboard_and_the_report_list_past_activities_still_planned_and_held_ones_without_participation_with_links_to_fix_them()
    {
        using var factory = new WebFactory();
        var stillPlanned = NewActivity("Forgotten webinar", Utc(2031, 2, 10), a => a.Status = ActivityStatus.Planned);
        var noParticipation = NewActivity("Held, nothing entered", Utc(2031, 3, 10));
        var counted = NewActivity("Held and counted", Utc(2031, 3, 12), a => a.ReportedParticipants = 10);
        await factory.AddAsync(stillPlanned, noParticipation, counted);
        var staff = await factory.StaffClientAsync();

        foreach (var url in new[] { "/Admin", "/Admin/Reports?period=quarter&periodYear=2031&periodQuarter=1" })
        {
            var page = await staff.GetDocumentAsync(url);
            var items = page.QuerySelectorAll("#report-warnings li").ToList();
            string.Join(",", items.Select(li => li.GetAttribute("data-warning"))).ShouldBe("PastStillPlanned,HeldWithoutParticipation", url);
            items[0].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Admin/Activities/Edit/{stillPlanned.Id}");
            items[1].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Admin/Participation/Edit/{noParticipation.Id}");
            Squash(page.QuerySelector("#report-warnings-title")!.TextContent).ShouldBe("2 activities need attention before the figures are complete");
            // Each link opens the page that fixes it.
            foreach (var link in items.Select(li => li.QuerySelector("a")!.GetAttribute("href")!))
            {
                (await staff.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }
    }

    [Fact]
    public async Task The_report_is_linked_from_the_staff_navigation_and_the_dashboard()
    {
        using var factory = new WebFactory();
        var staff = await factory.StaffClientAsync();

        var dashboard = await staff.GetDocumentAsync("/Admin");

        // The navigation is written twice (inline and in the phone menu), so the link is found by a data attribute:
        // an id there would appear twice on every staff page.
        dashboard.QuerySelectorAll("a[data-nav=report]").Select(a => a.GetAttribute("href")).ShouldBe(["/Admin/Reports", "/Admin/Reports"]);
        dashboard.QuerySelectorAll("[id]").GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        dashboard.QuerySelector("#dashboard-report")!.GetAttribute("href").ShouldBe("/Admin/Reports");
        (await staff.GetDocumentAsync("/Admin/Activities")).QuerySelector("a[data-nav=report]").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_subscription_panel_takes_the_scope_of_the_report_shown()
    {
        using var factory = new WebFactory();
        var (partner, _) = await AddPartnerWorkAsync(factory);
        var staff = await factory.StaffClientAsync();

        var caribbean = await staff.GetDocumentAsync("/Admin/Reports?period=year&periodYear=2031&scope=region&region=Caribbean");
        var form = caribbean.QuerySelector("form[action$='/Subscribe']")!;
        string.Join(",", form.QuerySelectorAll("select").Select(s => s.GetAttribute("name"))).ShouldBe("Language");
        form.QuerySelector("input[name='Scope']")!.GetAttribute("value").ShouldBe("region");
        form.QuerySelector("input[name='Region']")!.GetAttribute("value").ShouldBe("Caribbean");
        Squash(caribbean.QuerySelector("#subscription-scope")!.TextContent).ShouldBe("Scope: Caribbean");

        var byPartner = await staff.GetDocumentAsync($"/Admin/Reports?period=year&periodYear=2031&scope=partner&partner={partner}");
        var partnerForm = byPartner.QuerySelector("form[action$='/Subscribe']")!;
        partnerForm.QuerySelector("input[name='Scope']")!.GetAttribute("value").ShouldBe("partner");
        partnerForm.QuerySelector("input[name='Partner']")!.GetAttribute("value").ShouldBe(partner.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Squash(byPartner.QuerySelector("#subscription-scope")!.TextContent).ShouldBe("Scope: Harbour Institute");
    }

    private static async Task<WordprocessingDocument> WordAsync(HttpClient staff, string query)
    {
        using var response = await staff.GetAsync("/Admin/Reports/Word?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
    }

    private static async Task<string[]> CsvAsync(HttpClient staff, string query)
    {
        using var response = await staff.GetAsync("/Admin/Reports/Csv?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
