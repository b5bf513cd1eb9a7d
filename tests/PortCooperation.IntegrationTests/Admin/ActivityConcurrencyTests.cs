using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>R6: two staff edit the same activity; the second save is refused, keeps what was typed and shows what changed.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ActivityConcurrencyTests(PostgresCluster cluster)
{
    [Fact]
    public async Task StaleEdit_IsRefused_KeepsTheTypedValues_AndShowsTheFieldsChangedMeanwhile_OnSqlite()
    {
        using var factory = new WebFactory();
        await StaleEditScenarioAsync(factory);
    }

    [PostgresFact]
    public async Task StaleEdit_IsRefused_KeepsTheTypedValues_AndShowsTheFieldsChangedMeanwhile_OnPostgres()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync(),
        });
        await StaleEditScenarioAsync(factory);
    }

    private static async Task StaleEditScenarioAsync(WebFactory factory)
    {
        var activity = NewActivity("Port community systems webinar", WebFactory.DefaultNow.UtcDateTime.AddDays(20), a => { a.City = "Lima"; a.TitleEs = "Webinario"; });
        await factory.AddAsync(activity);
        var ana = await factory.SignedInStaffAsync("ana@example.org");
        var jose = await factory.SignedInStaffAsync("jose@example.org");
        var url = $"/Admin/Activities/Edit/{activity.Id}";
        var anasForm = await ana.PageAsync(url);

        using (var josesSave = await jose.SubmitAsync(url, "#activity-form", new() { ["TitleEs"] = "Webinario sobre sistemas portuarios", ["City"] = "Callao" }))
        {
            josesSave.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var refused = await ana.SubmitAsync(anasForm, "#activity-form", new() { ["TitleEn"] = "Ana's better title", ["SummaryEn"] = "Ana's summary" }, url);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await ParseAsync(refused);
        page.QuerySelector<IHtmlInputElement>("#f-TitleEn")!.Value.ShouldBe("Ana's better title");
        page.QuerySelector("#f-SummaryEn")!.TextContent.ShouldBe("Ana's summary");
        Squash(page.QuerySelector("#conflict-summary")!.TextContent).ShouldContain("jose@example.org");
        page.QuerySelectorAll("#conflict-summary li").Select(li => Squash(li.TextContent))
            .ShouldBe(["Title (Spanish): Webinario sobre sistemas portuarios", "City: Callao"], ignoreOrder: true);
        Squash(page.QuerySelector("#f-City-conflict")!.TextContent).ShouldBe("Changed meanwhile to: Callao");
        page.QuerySelector("#f-TitleEn-conflict").ShouldBeNull();
        var stored = await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id));
        (stored.TitleEn, stored.City, stored.Version).ShouldBe(("Port community systems webinar", "Callao", 2L));

        // Having seen the change, Ana saves again on purpose: her form now carries the current version.
        using var second = await ana.SubmitAsync(page, "#activity-form", [], url);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stored = await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id));
        (stored.TitleEn, stored.SummaryEn, stored.Version).ShouldBe(("Ana's better title", "Ana's summary", 3L));
    }

    [Fact]
    public async Task AStaleStatusAction_IsRefused_WithAClearMessage()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Forum", WebFactory.DefaultNow.UtcDateTime.AddDays(20), a => a.Status = ActivityStatus.Planned);
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/Edit/{activity.Id}";
        var page = await client.PageAsync(url);
        await client.SubmitAsync(url, "#activity-form", new() { ["City"] = "Panamá" });

        using var stale = await client.SubmitAsync(page, $"form[action$='/MarkHeld/{activity.Id}']", [], url);

        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PageAsync(url)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("Someone changed this activity after you opened it");
        (await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id))).Status.ShouldBe(ActivityStatus.Planned);
    }

    [Fact]
    public async Task AStaleDelete_IsRefused_AndTheColleaguesChangeStays()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Forum", WebFactory.DefaultNow.UtcDateTime.AddDays(20));
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/Edit/{activity.Id}";
        var page = await client.PageAsync(url);
        await client.SubmitAsync(url, "#activity-form", new() { ["City"] = "Panamá" });

        using var stale = await client.SubmitAsync(page, $"form[action$='/Delete/{activity.Id}']", [], url);

        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PageAsync(url)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("Someone changed this activity after you opened it");
        (await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id))).City.ShouldBe("Panamá");

        using var current = await client.SubmitAsync(url, $"form[action$='/Delete/{activity.Id}']", []);
        current.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.Activities.CountAsync(a => a.Id == activity.Id))).ShouldBe(0);
    }
}
