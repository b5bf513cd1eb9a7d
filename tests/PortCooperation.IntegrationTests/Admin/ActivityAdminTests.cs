using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using AngleSharp.Dom;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

public sealed class ActivityAdminTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    [Fact]
    public async Task List_UsesAtMostFiveSqlCommands_TheSameFor10And1000Activities()
    {
        var counts = new List<int>();
        foreach (var rows in new[] { 10, 1000 })
        {
            using var factory = new WebFactory();
            await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => NewActivity($"Activity {i}", Now.AddDays(i - rows / 2)))]);
            var client = await factory.SignedInStaffAsync();
            await client.PageAsync("/Admin/Audit");

            // The lower of two counts: the outbox's background polling may add a command to one of them.
            var seen = new List<int>();
            for (var attempt = 0; attempt < 2; attempt++)
            {
                factory.SqlCommands.Reset();
                var page = await client.PageAsync("/Admin/Activities?kind=Webinar&publication=published&sort=-title");
                seen.Add(factory.SqlCommands.Count);
                page.QuerySelectorAll("#activities tbody tr").Length.ShouldBe(Math.Min(rows, 25));
            }

            counts.Add(seen.Min());
        }

        counts[0].ShouldBeLessThanOrEqualTo(5);
        counts[1].ShouldBe(counts[0]);
    }

    [Fact]
    public async Task List_SearchesFiltersSortsAndPages()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            NewActivity("Port logistics course", new DateTime(2031, 5, 1, 14, 0, 0, DateTimeKind.Utc), a => a.Kind = ActivityKind.Course),
            NewActivity("Cybersecurity webinar", new DateTime(2032, 6, 1, 14, 0, 0, DateTimeKind.Utc), a => a.PublicationState = PublicationState.Draft),
            NewActivity("Women in ports webinar", new DateTime(2032, 7, 1, 14, 0, 0, DateTimeKind.Utc), a => a.PublishAtUtc = Now.AddDays(3)),
            NewActivity("Cancelled forum", new DateTime(2032, 8, 1, 14, 0, 0, DateTimeKind.Utc), a => { a.Kind = ActivityKind.Forum; a.Status = ActivityStatus.Cancelled; }));
        await factory.AddAsync([.. Enumerable.Range(0, 30).Select(i => NewActivity($"Filler {i:00}", new DateTime(2029, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i)))]);
        var client = await factory.SignedInStaffAsync();

        (await TitlesAsync(client, "/Admin/Activities?q=WEBINAR&sort=title")).ShouldBe(["Cybersecurity webinar", "Women in ports webinar"]);
        (await TitlesAsync(client, "/Admin/Activities?kind=Course")).ShouldBe(["Port logistics course"]);
        (await TitlesAsync(client, "/Admin/Activities?status=Cancelled")).ShouldBe(["Cancelled forum"]);
        (await TitlesAsync(client, "/Admin/Activities?publication=draft")).ShouldBe(["Cybersecurity webinar"]);
        (await TitlesAsync(client, "/Admin/Activities?publication=scheduled")).ShouldBe(["Women in ports webinar"]);
        (await TitlesAsync(client, "/Admin/Activities?year=2031")).ShouldBe(["Port logistics course"]);
        (await TitlesAsync(client, "/Admin/Activities?year=2032&sort=starts")).ShouldBe(["Cybersecurity webinar", "Women in ports webinar", "Cancelled forum"]);
        (await TitlesAsync(client, "/Admin/Activities?kind=Nonsense&year=abc&sort=%27;drop")).Count.ShouldBe(25);
        var page2 = await TitlesAsync(client, "/Admin/Activities?q=filler&sort=title&page=2");
        page2.ShouldBe(["Filler 25", "Filler 26", "Filler 27", "Filler 28", "Filler 29"]);
    }

    [Fact]
    public async Task Create_SavesADraft_InUtcFromTheActivitysZone_WithPartner_AndAudits()
    {
        using var factory = new WebFactory();
        var organisation = new Organisation { Slug = "cepal", NameEn = "ECLAC", Acronym = "CEPAL", Type = OrganisationType.InternationalOrganisation };
        await factory.AddAsync(organisation);
        var client = await factory.SignedInStaffAsync("maria@example.org");

        using var response = await client.SubmitAsync("/Admin/Activities/Create", "#activity-form", new()
        {
            ["Kind"] = "Webinar", ["TitleEn"] = "Green ports webinar", ["TitleEs"] = "Webinario de puertos verdes", ["Language"] = "es",
            ["TimeZoneId"] = "America/Lima", ["Starts"] = "2032-04-10T10:00", ["Ends"] = "2032-04-10T11:30",
            ["Partners[0].OrganisationId"] = organisation.Id.ToString(CultureInfo.InvariantCulture), ["Partners[0].Role"] = "CoOrganiser",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var saved = await factory.WithDbAsync(db => db.Activities.Include(a => a.Partners).SingleAsync());
        saved.PublicationState.ShouldBe(PublicationState.Draft);
        saved.Slug.ShouldBe("green-ports-webinar");
        saved.StartsAtUtc.ShouldBe(new DateTime(2032, 4, 10, 15, 0, 0, DateTimeKind.Utc));
        saved.EndsAtUtc.ShouldBe(new DateTime(2032, 4, 10, 16, 30, 0, DateTimeKind.Utc));
        saved.Partners.ShouldHaveSingleItem().Role.ShouldBe(PartnerRole.CoOrganiser);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Activity").SingleAsync());
        (audit.Action, audit.UserName, audit.EntityId).ShouldBe(("create", "maria@example.org", saved.Id.ToString(CultureInfo.InvariantCulture)));

        var form = await client.PageAsync(response.Headers.Location!.OriginalString);
        form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#f-Starts")!.Value.ShouldBe("2032-04-10T10:00");
        form.QuerySelector("[role=status]")!.TextContent.ShouldContain("created as a draft");
    }

    [Theory]
    [InlineData("en", "Title (English) is required.", "The end must not be before the start.", "This value is not valid.")]
    [InlineData("es", "El campo «Título (inglés)» es obligatorio.", "El final no puede ser anterior al comienzo.", "Este valor no es válido.")]
    public async Task Create_Invalid_ShowsEachMessageBesideItsField_InTheStaffsLanguage_AndKeepsWhatWasTyped(string culture, string required, string order, string number)
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync();
        (await client.GetAsync($"/language/{culture}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await client.SubmitAsync("/Admin/Activities/Create", "#activity-form", new()
        {
            ["TitleEn"] = "", ["TitleEs"] = "Título que no se pierde", ["SummaryEn"] = "A summary kept", ["TimeZoneId"] = "America/Lima",
            ["Starts"] = "2032-04-10T10:00", ["Ends"] = "2032-04-09T10:00", ["Capacity"] = "abc",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await ParseAsync(response);
        Squash(page.QuerySelector("#f-TitleEn-error")!.TextContent).ShouldBe(required);
        Squash(page.QuerySelector("#f-Ends-error")!.TextContent).ShouldBe(order);
        Squash(page.QuerySelector("#f-Capacity-error")!.TextContent).ShouldBe(number);
        page.QuerySelector("#f-TitleEn")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#f-TitleEn")!.GetAttribute("aria-describedby").ShouldBe("f-TitleEn-error");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#f-TitleEs")!.Value.ShouldBe("Título que no se pierde");
        page.QuerySelector("#f-SummaryEn")!.TextContent.ShouldBe("A summary kept");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#f-Capacity")!.Value.ShouldBe("abc");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#f-Ends")!.Value.ShouldBe("2032-04-09T10:00");
        page.QuerySelectorAll("#error-summary li").Length.ShouldBe(3);
        (await factory.WithDbAsync(db => db.Activities.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Create_ATimeThatDoesNotExistInTheZone_IsRefused()
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync();

        using var response = await client.SubmitAsync("/Admin/Activities/Create", "#activity-form", new()
        {
            ["TitleEn"] = "Spring forward", ["TimeZoneId"] = "America/New_York", ["Starts"] = "2032-03-14T02:30", ["Ends"] = "2032-03-14T04:00",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Squash((await ParseAsync(response)).QuerySelector("#f-Starts-error")!.TextContent).ShouldContain("does not exist in the chosen time zone");
    }

    [Fact]
    public async Task Edit_IgnoresOverPostedIdStatusAndPublication()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Draft meeting", Now.AddDays(10), a => { a.PublicationState = PublicationState.Draft; a.Status = ActivityStatus.Planned; });
        var other = NewActivity("Someone else's", Now.AddDays(11));
        await factory.AddAsync(activity, other);
        var client = await factory.SignedInStaffAsync();

        using var response = await client.SubmitAsync($"/Admin/Activities/Edit/{activity.Id}", "#activity-form", new()
        {
            ["TitleEn"] = "Draft meeting, renamed", ["Id"] = other.Id.ToString(CultureInfo.InvariantCulture), ["PublicationState"] = "Published",
            ["Status"] = "Held", ["PublishAtUtc"] = "2030-01-01", ["Slug"] = "hijacked", ["IsDemo"] = "true", ["CreatedAt"] = "2000-01-01",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id));
        saved.TitleEn.ShouldBe("Draft meeting, renamed");
        (saved.PublicationState, saved.Status, saved.PublishAtUtc, saved.Slug, saved.IsDemo, saved.Version)
            .ShouldBe((PublicationState.Draft, ActivityStatus.Planned, null, activity.Slug, false, 2L));
        (await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == other.Id))).TitleEn.ShouldBe("Someone else's");
    }

    [Fact]
    public async Task Edit_OfAnUnknownActivity_Is404()
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync();
        (await client.GetAsync("/Admin/Activities/Edit/4242")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Admin/Activities/Edit/abc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StatusActions_HoldCancelWithReasonPostponeKeepingTheOriginalDates()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Ports forum", new DateTime(2032, 5, 1, 15, 0, 0, DateTimeKind.Utc), a => { a.TimeZoneId = "America/Lima"; a.Status = ActivityStatus.Planned; });
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/Edit/{activity.Id}";

        using (var noReason = await client.SubmitAsync(url, "form[action$='/Cancel/" + activity.Id + "']", new()))
        {
            noReason.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await client.PageAsync(url)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("Give a reason");
        (await StatusAsync(factory, activity.Id)).ShouldBe(ActivityStatus.Planned);

        await client.SubmitAsync(url, "form[action$='/Postpone/" + activity.Id + "']", new() { ["NewStarts"] = "2032-06-01T10:00", ["ReasonEn"] = "Elections" });
        var postponed = await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id));
        (postponed.Status, postponed.StartsAtUtc, postponed.EndsAtUtc, postponed.OriginalStartsAtUtc, postponed.StatusReasonEn).ShouldBe(
            (ActivityStatus.Postponed, new DateTime(2032, 6, 1, 15, 0, 0, DateTimeKind.Utc), new DateTime(2032, 6, 1, 17, 0, 0, DateTimeKind.Utc),
             new DateTime(2032, 5, 1, 15, 0, 0, DateTimeKind.Utc), "Elections"));

        await client.SubmitAsync(url, "form[action$='/Postpone/" + activity.Id + "']", new() { ["NewStarts"] = "2032-07-01T10:00", ["ReasonEs"] = "Otra vez" });
        (await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id))).OriginalStartsAtUtc
            .ShouldBe(new DateTime(2032, 5, 1, 15, 0, 0, DateTimeKind.Utc));

        await client.SubmitAsync(url, "form[action$='/Cancel/" + activity.Id + "']", new() { ["ReasonEn"] = "Budget" });
        (await StatusAsync(factory, activity.Id)).ShouldBe(ActivityStatus.Cancelled);
        await client.SubmitAsync(url, "form[action$='/MarkHeld/" + activity.Id + "']", new());
        (await StatusAsync(factory, activity.Id)).ShouldBe(ActivityStatus.Held);
    }

    [Fact]
    public async Task Publishing_NowScheduledAndUnpublished_ReachesThePublicHomePageOnlyWhenLive()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Draft webinar for the home page", Now.AddDays(3), a => { a.PublicationState = PublicationState.Draft; a.TimeZoneId = "UTC"; });
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync();
        var anonymous = factory.CreateClient();
        var url = $"/Admin/Activities/Edit/{activity.Id}";
        (await anonymous.GetDocumentAsync("/")).Body!.TextContent.ShouldNotContain("Draft webinar for the home page");

        await client.SubmitAsync(url, "form[action$='/Publish/" + activity.Id + "']:not(.staff-inline-form)", new());
        (await anonymous.GetDocumentAsync("/")).Body!.TextContent.ShouldContain("Draft webinar for the home page");
        (await client.PageAsync(url)).QuerySelector("#publication-state")!.TextContent.ShouldContain("Published");

        await client.SubmitAsync(url, "form[action$='/Unpublish/" + activity.Id + "']", new());
        (await anonymous.GetDocumentAsync("/")).Body!.TextContent.ShouldNotContain("Draft webinar for the home page");

        await client.SubmitAsync(url, "form.staff-inline-form[action$='/Publish/" + activity.Id + "']", new() { ["PublishAt"] = "2032-03-02T09:00" });
        var scheduled = await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id));
        (scheduled.PublicationState, scheduled.PublishAtUtc).ShouldBe((PublicationState.Published, new DateTime(2032, 3, 2, 9, 0, 0, DateTimeKind.Utc)));
        (await anonymous.GetDocumentAsync("/")).Body!.TextContent.ShouldNotContain("Draft webinar for the home page");

        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Activity").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        actions.ShouldBe(["publish", "unpublish", "publish"]);
    }

    [Fact]
    public async Task Delete_WithRegistrations_SaysWhyInstead_WithoutThemDeletes()
    {
        using var factory = new WebFactory();
        var busy = NewActivity("Has registrations", Now.AddDays(3));
        var free = NewActivity("Nobody registered", Now.AddDays(4));
        await factory.AddAsync(busy, free);
        await factory.AddAsync(new Registration
        {
            ActivityId = busy.Id, FullName = "A", Email = "a@example.org", NormalizedEmail = "A@EXAMPLE.ORG", Status = RegistrationStatus.Confirmed,
            AccessToken = "t", ConsentTextVersion = "v1", ConsentGivenAtUtc = Now,
        });
        var client = await factory.SignedInStaffAsync();

        var busyPage = await client.PageAsync($"/Admin/Activities/Edit/{busy.Id}");
        busyPage.QuerySelector("#delete-blocked")!.TextContent.ShouldContain("This activity cannot be deleted: 1 registration and 0 scholarship awards refer to it.");
        var token = busyPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forced = await client.PostAsync($"/Admin/Activities/Delete/{busy.Id}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        forced.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PageAsync($"/Admin/Activities/Edit/{busy.Id}")).QuerySelector("[role=alert]")!.TextContent.ShouldContain("cannot be deleted");

        using var deleted = await client.SubmitAsync($"/Admin/Activities/Edit/{free.Id}", "form[action$='/Delete/" + free.Id + "']", new());
        deleted.Headers.Location!.OriginalString.ShouldBe("/Admin/Activities");
        (await factory.WithDbAsync(db => db.Activities.Select(a => a.TitleEn).ToListAsync())).ShouldBe(["Has registrations"]);
    }

    [Fact]
    public async Task Export_IsCsvOfTheFilteredList_WithFormulasNeutralised()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            NewActivity("=HYPERLINK(\"http://evil\")", Now.AddDays(1)),
            NewActivity("Plain, with comma", Now.AddDays(2)),
            NewActivity("Not a course", Now.AddDays(3), a => a.Kind = ActivityKind.Course));
        var client = await factory.SignedInStaffAsync();

        using var response = await client.GetAsync("/Admin/Activities/Export?kind=Webinar&sort=title");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("Id,TitleEn,TitleEs,Kind");
        lines[1].ShouldContain(",\"'=HYPERLINK(\"\"http://evil\"\")\",");
        lines[2].ShouldContain(",\"Plain, with comma\",");
    }

    private static async Task<ActivityStatus> StatusAsync(WebFactory factory, int id) =>
        await factory.WithDbAsync(db => db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private static async Task<List<string>> TitlesAsync(HttpClient client, string url) =>
        [.. (await client.PageAsync(url)).QuerySelectorAll("#activities tbody tr td:first-child a").Select(a => Squash(a.TextContent))];
}
