using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Admin.RegistrationAdminKit;
using static PortCooperation.IntegrationTests.Reports.ReportPage;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>
/// An activity run with registrations reports who attended (participants, member states represented); one without
/// registrations (a historical record) keeps the totals staff entered. On the public detail page and in the report.
/// </summary>
public sealed class ParticipationFromAttendanceTests
{
    private static async Task<(Activity WithRegistrations, Activity Historical)> ArrangeAsync(WebFactory factory)
    {
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var chile = await factory.WithDbAsync(db => CountryAsync(db, "CL", "Chile", "Chile"));
        var spain = await factory.WithDbAsync(db => CountryAsync(db, "ES", "Spain", "España", isMember: false));
        var withRegistrations = NewActivity("Attendance webinar", new DateTime(2031, 5, 6, 15, 0, 0, DateTimeKind.Utc), a =>
        {
            a.Slug = "attendance-webinar";
            a.ReportedParticipants = 500;  // entered before the portal took registrations: ignored now
            a.ReportedMemberStates = 9;
        });
        var historical = NewActivity("Historical webinar", new DateTime(2031, 6, 6, 15, 0, 0, DateTimeKind.Utc), a =>
        {
            a.Slug = "historical-webinar";
            a.ReportedParticipants = 120;
            a.ReportedMemberStates = 7;
        });
        await factory.AddAsync(withRegistrations, historical);
        await factory.AddAsync(
            NewRegistration(withRegistrations.Id, "A", "a@example.org", RegistrationStatus.Confirmed, attended: true, countryId: peru.Id),
            NewRegistration(withRegistrations.Id, "B", "b@example.org", RegistrationStatus.Confirmed, attended: true, countryId: peru.Id),
            NewRegistration(withRegistrations.Id, "C", "c@example.org", RegistrationStatus.Confirmed, attended: true, countryId: chile.Id),
            NewRegistration(withRegistrations.Id, "D", "d@example.org", RegistrationStatus.Confirmed, attended: true, countryId: spain.Id),
            NewRegistration(withRegistrations.Id, "E", "e@example.org", RegistrationStatus.Confirmed, attended: false, countryId: chile.Id),
            NewRegistration(withRegistrations.Id, "F", "f@example.org", RegistrationStatus.Cancelled, countryId: peru.Id));
        return (withRegistrations, historical);
    }

    [Fact]
    public async Task PublicDetail_CountsAttendees_WhenTheActivityHasRegistrations_EnteredTotalsOtherwise()
    {
        using var factory = new WebFactory();
        await ArrangeAsync(factory);
        var client = factory.CreateClient();

        var counted = Squash((await client.GetDocumentAsync("/activities/attendance-webinar")).QuerySelector("#participation")!.TextContent);
        var entered = Squash((await client.GetDocumentAsync("/activities/historical-webinar")).QuerySelector("#participation")!.TextContent);

        counted.ShouldContain("Participants 4");
        counted.ShouldContain("Member states represented 2");
        counted.ShouldContain("Countries represented 3");  // Spain attended too: a country, not a member state
        entered.ShouldContain("Participants 120");
        entered.ShouldContain("Member states represented 7");
    }

    [Fact]
    public async Task ExecutiveReport_CountsAttendees_WhenTheActivityHasRegistrations_EnteredTotalsOtherwise()
    {
        using var factory = new WebFactory();
        await ArrangeAsync(factory);
        var client = await factory.StaffClientAsync();

        var page = await client.PageAsync("/Admin/Reports?period=year&periodYear=2031");

        Current(page, "webinars.count").ShouldBe(2);
        Current(page, "webinars.participants").ShouldBe(4 + 120);
        Current(page, "webinars.memberstates").ShouldBe(7); // the most one activity reached; 2 from attendance
        var rows = page.QuerySelectorAll("#webinars-list > li").Select(li => Squash(li.TextContent)).ToList();
        rows[0].ShouldContain("Attendance webinar");
        rows[0].ShouldContain("4 participants · 2 member states");
        rows[1].ShouldContain("120 participants · 7 member states");
    }
}
