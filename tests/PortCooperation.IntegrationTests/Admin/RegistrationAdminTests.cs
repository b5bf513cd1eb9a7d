using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Admin.RegistrationAdminKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>/Admin/Activities/{id}/Registrations: counts, filters, search, paging, bulk approve/reject and attendance.</summary>
public sealed class RegistrationAdminTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    private static Activity ApprovalActivity(int? capacity = null) => NewActivity("Port environmental course", Now.AddDays(10), a =>
    {
        a.RegistrationEnabled = true;
        a.RequiresApproval = true;
        a.Capacity = capacity;
        a.WaitingListEnabled = capacity is not null;
    });

    [Fact]
    public async Task List_UsesAtMostFiveSqlCommands_TheSameFor10And1000Registrations()
    {
        var counts = new List<int>();
        foreach (var rows in new[] { 10, 1000 })
        {
            using var factory = new WebFactory();
            var activity = ApprovalActivity();
            await factory.AddAsync(activity);
            await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => NewRegistration(activity.Id, $"Person {i}", $"p{i}@example.org",
                (RegistrationStatus)(1 + i % 5), attended: i % 3 == 0 ? true : null))]);
            var client = await factory.SignedInStaffAsync();
            await client.PageAsync("/Admin/Audit");

            factory.SqlCommands.Reset();
            var page = await client.PageAsync($"/Admin/Activities/{activity.Id}/Registrations?status=confirmed&q=person");
            counts.Add(factory.SqlCommands.Count);
            page.QuerySelectorAll("#registrations tbody tr").Length.ShouldBe(Math.Min(rows / 5, 25));
        }

        counts[0].ShouldBeLessThanOrEqualTo(5);
        counts[1].ShouldBe(counts[0]);
    }

    [Fact]
    public async Task List_CountsEachStatus_FiltersSearchesAndPages_And404ForUnknownActivity()
    {
        using var factory = new WebFactory();
        var activity = ApprovalActivity();
        var other = ApprovalActivity();
        await factory.AddAsync(activity, other);
        await factory.AddAsync(
            NewRegistration(activity.Id, "Ana Pérez", "Ana.Perez@Example.org", RegistrationStatus.Confirmed, attended: true),
            NewRegistration(activity.Id, "Bruno Díaz", "bruno@example.org", RegistrationStatus.Confirmed),
            NewRegistration(activity.Id, "Carla Soto", "carla@example.org", RegistrationStatus.Waitlisted),
            NewRegistration(activity.Id, "Dan Brown", "dan@example.org", RegistrationStatus.Pending),
            NewRegistration(activity.Id, "Eva Ruiz", "eva@example.org", RegistrationStatus.Cancelled),
            NewRegistration(activity.Id, "Fede Gil", "fede@example.org", RegistrationStatus.Rejected),
            NewRegistration(other.Id, "Someone Else", "else@example.org", RegistrationStatus.Confirmed));
        await factory.AddAsync([.. Enumerable.Range(0, 30).Select(i => NewRegistration(activity.Id, $"Filler {i:00}", $"filler{i:00}@example.org", RegistrationStatus.Pending))]);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/{activity.Id}/Registrations";

        var page = await client.PageAsync(url);
        int Count(string key) => int.Parse(page.QuerySelector($"[data-count={key}]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        (Count("all"), Count("confirmed"), Count("waitlisted"), Count("pending"), Count("cancelled"), Count("rejected"), Count("attended"), Count("absent"))
            .ShouldBe((36, 2, 1, 31, 1, 1, 1, 1));
        page.QuerySelectorAll("#registrations tbody tr").Length.ShouldBe(25);
        page.QuerySelector("h1")!.TextContent.ShouldContain("Port environmental course");

        (await NamesAsync(client, url + "?status=confirmed")).ShouldBe(["Ana Pérez", "Bruno Díaz"]);
        (await NamesAsync(client, url + "?status=attended")).ShouldBe(["Ana Pérez"]);
        (await NamesAsync(client, url + "?status=absent")).ShouldBe(["Bruno Díaz"]);
        (await NamesAsync(client, url + "?status=waitlisted")).ShouldBe(["Carla Soto"]);
        (await NamesAsync(client, url + "?status=cancelled")).ShouldBe(["Eva Ruiz"]);
        (await NamesAsync(client, url + "?status=rejected")).ShouldBe(["Fede Gil"]);
        (await NamesAsync(client, url + "?q=ANA.PEREZ@")).ShouldBe(["Ana Pérez"]);
        (await NamesAsync(client, url + "?q=brown")).ShouldBe(["Dan Brown"]);
        (await NamesAsync(client, url + "?status=pending&page=2")).ShouldBe([.. Enumerable.Range(24, 6).Select(i => $"Filler {i:00}")]);
        (await NamesAsync(client, url + "?status=nonsense&page=abc&q=%27;drop")).ShouldBeEmpty();

        (await client.GetAsync("/Admin/Activities/99999/Registrations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var edit = await client.PageAsync($"/Admin/Activities/Edit/{activity.Id}");
        edit.QuerySelector("#registrations-link")!.GetAttribute("href").ShouldBe(url);
        var list = await client.PageAsync("/Admin/Activities");
        list.QuerySelectorAll($"#activities a[href='{url}']").Length.ShouldBe(1);
    }

    [Fact]
    public async Task BulkApprove_ConfirmsThePendingSelected_AndMailsEachWithTheStaffMessage()
    {
        using var factory = new WebFactory(settings: Registrations.RegistrationTestKit.Settings());
        var activity = ApprovalActivity();
        await factory.AddAsync(activity);
        var ana = NewRegistration(activity.Id, "Ana Pérez", "ana@example.org", RegistrationStatus.Pending, language: "es");
        var bob = NewRegistration(activity.Id, "Bob Lee", "bob@example.org", RegistrationStatus.Pending);
        var carla = NewRegistration(activity.Id, "Carla Soto", "carla@example.org", RegistrationStatus.Pending);
        var cancelled = NewRegistration(activity.Id, "Dan Brown", "dan@example.org", RegistrationStatus.Cancelled);
        await factory.AddAsync(ana, bob, carla, cancelled);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/{activity.Id}/Registrations";

        using var response = await client.PostFormAsync(url + "?status=pending", "#registrations-form", null,
            ("Selected", ana.Id), ("Selected", bob.Id), ("Selected", cancelled.Id), ("Decision", "approve"), ("Message", "See you <b>there</b>"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(url + "?status=pending");
        var saved = await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id);
        saved.Select(r => (r.FullName, r.Status)).ShouldBe([
            ("Ana Pérez", RegistrationStatus.Confirmed), ("Bob Lee", RegistrationStatus.Confirmed),
            ("Carla Soto", RegistrationStatus.Pending), ("Dan Brown", RegistrationStatus.Cancelled)]);
        var mails = await Registrations.RegistrationTestKit.OutboxAsync(factory);
        mails.Select(m => m.ToAddress).Order().ShouldBe(["ana@example.org", "bob@example.org"]);
        mails.ShouldAllBe(m => m.IdempotencyKey.StartsWith("Approved:", StringComparison.Ordinal) && m.BodyText.Contains("See you <b>there</b>"));
        mails.Single(m => m.ToAddress == "ana@example.org").Subject.ShouldStartWith("Inscripción aprobada");
        var after = await client.PageAsync(response.Headers.Location!.OriginalString);
        after.QuerySelector("[role=status]")!.TextContent.ShouldContain("2 registrations approved; not pending and left as they were: 1.");
    }

    [Fact]
    public async Task BulkReject_RejectsAndMails_AndTheFreedPlaceGoesToTheWaitingList()
    {
        using var factory = new WebFactory(settings: Registrations.RegistrationTestKit.Settings());
        var activity = ApprovalActivity(capacity: 1);
        await factory.AddAsync(activity);
        var ana = NewRegistration(activity.Id, "Ana Pérez", "ana@example.org", RegistrationStatus.Pending);
        var bob = NewRegistration(activity.Id, "Bob Lee", "bob@example.org", RegistrationStatus.Waitlisted);
        await factory.AddAsync(ana);
        await factory.AddAsync(bob);
        var client = await factory.SignedInStaffAsync();

        using var response = await client.PostFormAsync($"/Admin/Activities/{activity.Id}/Registrations", "#registrations-form", null,
            ("Selected", ana.Id), ("Decision", "reject"), ("Message", "The course is for port authorities only."));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id);
        saved.Select(r => r.Status).ShouldBe([RegistrationStatus.Rejected, RegistrationStatus.Pending]);
        var mails = await Registrations.RegistrationTestKit.OutboxAsync(factory);
        mails.Select(m => (m.ToAddress, m.IdempotencyKey.Split(':')[0])).ShouldBe([("ana@example.org", "Rejected"), ("bob@example.org", "Pending")]);
        mails[0].BodyText.ShouldContain("The course is for port authorities only.");
    }

    [Fact]
    public async Task Decide_WithoutSelection_SaysSo_AndAnUnknownDecisionIs400()
    {
        using var factory = new WebFactory(settings: Registrations.RegistrationTestKit.Settings());
        var activity = ApprovalActivity();
        await factory.AddAsync(activity);
        await factory.AddAsync(NewRegistration(activity.Id, "Ana Pérez", "ana@example.org", RegistrationStatus.Pending));
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/{activity.Id}/Registrations";

        using var none = await client.PostFormAsync(url, "#registrations-form", null, ("Decision", "approve"));
        none.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PageAsync(url)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("Select at least one");
        using var odd = await client.PostFormAsync(url, "#registrations-form", null, ("Decision", "delete"));
        odd.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Registrations.RegistrationTestKit.OutboxAsync(factory)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Attendance_SavesTheTickedBoxesOfThePage_OneByOne()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Held webinar", Now.AddDays(-3));
        await factory.AddAsync(activity);
        var ana = NewRegistration(activity.Id, "Ana Pérez", "ana@example.org", RegistrationStatus.Confirmed);
        var bob = NewRegistration(activity.Id, "Bob Lee", "bob@example.org", RegistrationStatus.Confirmed, attended: true);
        var carla = NewRegistration(activity.Id, "Carla Soto", "carla@example.org", RegistrationStatus.Confirmed);
        await factory.AddAsync(ana, bob, carla);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/{activity.Id}/Registrations";
        var page = await client.PageAsync(url);
        page.QuerySelector($"#att-{bob.Id}")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector($"#att-{ana.Id}")!.HasAttribute("checked").ShouldBeFalse();

        using var response = await client.PostFormAsync(url, "#registrations-form", url + "/Attendance", ("Attended", ana.Id), ("Attended", carla.Id));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Registrations.RegistrationTestKit.RegistrationsAsync(factory, activity.Id)).Select(r => r.Attended).ShouldBe([true, false, true]);
        (await client.PageAsync(url)).QuerySelector("[role=status]")!.TextContent.ShouldContain("3 changed");
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Registration").Select(e => e.Changes).ToListAsync());
        audit.Count.ShouldBe(3);
        audit.ShouldAllBe(c => c != null && c.Contains("Attended") && !c.Contains("example.org"));
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string url) =>
        [.. (await client.PageAsync(url)).QuerySelectorAll("#registrations tbody tr td:nth-child(2)").Select(td => td.ChildNodes[0].TextContent.Trim())];
}
