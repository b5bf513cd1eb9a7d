using System.Globalization;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.Library.LibraryTestData;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>/Admin: what needs attention, each count linking to the list that shows the same records.</summary>
public sealed class DashboardTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    [Fact]
    public async Task Dashboard_CountsWhatNeedsAttention_AndLinksToTheFilteredLists()
    {
        using var factory = new WebFactory();
        var organisation = new Organisation { Slug = "caf", NameEn = "CAF", Type = OrganisationType.InternationalOrganisation };
        var withPartner = NewActivity("With a partner", Now.AddDays(5));
        withPartner.Partners.Add(new ActivityPartner { Organisation = organisation, Role = PartnerRole.Partner });
        await factory.AddAsync(
            organisation, withPartner,
            NewActivity("Draft without partners", Now.AddDays(6), a => { a.PublicationState = PublicationState.Draft; a.Status = ActivityStatus.Planned; }),
            NewActivity("Scheduled without partners", Now.AddDays(7), a => { a.PublishAtUtc = Now.AddDays(1); a.Status = ActivityStatus.Planned; }),
            NewActivity("Past, held", Now.AddDays(-30)),
            NewDocument("Draft document", d => d.PublicationState = PublicationState.Draft),
            NewDocument("Scheduled document", d => d.PublishAtUtc = Now.AddDays(2)),
            NewDocument("Live document"));
        var client = await factory.SignedInStaffAsync("dash@example.org");

        var page = await client.PageAsync("/Admin");

        int Count(string key) => int.Parse(page.QuerySelector($"[data-count={key}]")!.TextContent, CultureInfo.InvariantCulture);
        (Count("draft-activities"), Count("draft-documents"), Count("scheduled-activities"), Count("scheduled-documents"), Count("upcoming-without-partners"))
            .ShouldBe((1, 1, 1, 1, 2));
        (Count("pending-registrations"), Count("undelivered-mails")).ShouldBe((0, 0));
        foreach (var key in new[] { "draft-activities", "draft-documents", "scheduled-activities", "scheduled-documents", "upcoming-without-partners" })
        {
            var href = page.QuerySelector($"[data-count={key}]")!.ParentElement!.QuerySelector("a")!.GetAttribute("href")!;
            var list = await client.PageAsync(href);
            list.QuerySelectorAll("table.staff-table tbody tr").Length.ShouldBe(Count(key), $"{key} → {href}");
        }

        (await client.PageAsync("/Admin/Activities?partners=none&status=Planned&sort=starts")).QuerySelectorAll("#activities tbody tr td:first-child > a")
            .Select(td => Squash(td.TextContent)).ShouldBe(["Draft without partners", "Scheduled without partners"]);
    }

    [Fact]
    public async Task Dashboard_UsesAtMostFiveSqlCommands_TheSameFor10And1000Records_AndShowsRecentAuditEntries()
    {
        var counts = new List<int>();
        foreach (var rows in new[] { 10, 1000 })
        {
            using var factory = new WebFactory();
            await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => NewActivity($"Activity {i}", Now.AddDays(i - (rows / 2)), a => a.Status = ActivityStatus.Planned))]);
            await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => NewDocument($"Document {i}", d => d.PublicationState = PublicationState.Draft))]);
            var client = await factory.SignedInStaffAsync();
            await client.SubmitAsync("/Admin/Documents/Create", "#document-form", new() { ["TitleEn"] = "Made by staff" });
            await client.PageAsync("/Admin/Audit");

            var seen = new List<int>();
            for (var attempt = 0; attempt < 2; attempt++)
            {
                factory.SqlCommands.Reset();
                var page = await client.PageAsync("/Admin");
                seen.Add(factory.SqlCommands.Count);
                page.QuerySelector("[data-count=draft-documents]")!.TextContent.ShouldBe((rows + 1).ToString("N0", CultureInfo.InvariantCulture));
                Squash(page.QuerySelector("#recent tbody tr")!.TextContent).ShouldContain("BestPracticeDocument");
            }

            counts.Add(seen.Min());
        }

        counts[0].ShouldBeLessThanOrEqualTo(5);
        counts[1].ShouldBe(counts[0]);
    }
}
