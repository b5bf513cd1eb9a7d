using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin.Records;

/// <summary>/Admin/Participation: the totals and participating countries entered for historical activities, and the public activity page that shows them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ParticipationRecordsTests(PostgresCluster cluster)
{
    private static readonly DateTime _past = WebFactory.DefaultNow.UtcDateTime.AddYears(-3);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task List_UsesAtMostFiveSqlCommands_TheSameFor10And1000Activities() =>
        await RecordTestKit.ShouldCostTheSameFor10And1000RowsAsync(async (factory, rows) =>
        {
            var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
            await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => NewActivity($"Forum {i:0000}", _past.AddDays(i % 200), a =>
            {
                a.Kind = ActivityKind.Forum;
                a.ReportedParticipants = i;
                a.ParticipatingCountries.Add(new ActivityCountry { CountryId = peru.Id, Participants = 3 });
            }))]);
            return $"/Admin/Participation?kind=Forum&year={_past.Year}&entered=yes&q=forum&sort=-participants";
        });

    [Fact]
    public async Task List_SearchesFiltersSortsAndPages_AndOffersNoCreateOrDelete()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            NewActivity("Old forum", _past, a => { a.Kind = ActivityKind.Forum; a.ReportedParticipants = 80; }),
            NewActivity("Older seminar", _past.AddYears(-1), a => a.Kind = ActivityKind.Seminar));
        await factory.AddAsync([.. Enumerable.Range(0, 30).Select(i => NewActivity($"Filler {i:00}", _past.AddDays(-i)))]);
        var client = await factory.SignedInStaffAsync();

        (await client.FirstColumnAsync("/Admin/Participation?q=forum")).ShouldBe(["Old forum"]);
        (await client.FirstColumnAsync("/Admin/Participation?entered=yes")).ShouldBe(["Old forum"]);
        (await client.FirstColumnAsync("/Admin/Participation?kind=Seminar")).ShouldBe(["Older seminar"]);
        (await client.FirstColumnAsync($"/Admin/Participation?year={_past.Year - 1}&q=older")).ShouldBe(["Older seminar"]);
        (await client.FirstColumnAsync("/Admin/Participation?q=filler&sort=-title&page=2")).ShouldBe(["Filler 04", "Filler 03", "Filler 02", "Filler 01", "Filler 00"]);
        (await client.FirstColumnAsync("/Admin/Participation?kind=Nope&year=x&entered=maybe&sort=%22")).Count.ShouldBe(25);

        (await client.GetAsync("/Admin/Participation/Create")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var detail = await client.PageAsync($"/Admin/Participation/Details/{await factory.WithDbAsync(db => db.Activities.Where(a => a.TitleEn == "Old forum").Select(a => a.Id).SingleAsync())}");
        detail.QuerySelector("#delete-form").ShouldBeNull();
        detail.QuerySelector("#delete-heading").ShouldBeNull();
    }

    [Theory]
    [InlineData("en", "This country is already in another row.", "Member states (total) must be between 0 and 200.")]
    [InlineData("es", "Este país ya está en otra fila.", "Estados miembros (total) debe estar entre 0 y 200.")]
    public async Task Edit_Invalid_ShowsEachMessageBesideItsField_AndKeepsWhatWasTyped(string culture, string twice, string range)
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var activity = NewActivity("Old forum", _past);
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync();
        await client.GetAsync($"/language/{culture}");

        using var response = await client.SubmitAsync($"/Admin/Participation/Edit/{activity.Id}", "#record-form", new()
        {
            ["ReportedParticipants"] = "120", ["ReportedMemberStates"] = "900",
            ["Countries[0].CountryId"] = Id(peru.Id), ["Countries[0].Participants"] = "7", ["Countries[1].CountryId"] = Id(peru.Id),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await ParseAsync(response);
        Squash(page.QuerySelector("#f-Countries-1--CountryId-error")!.TextContent).ShouldBe(twice);
        Squash(page.QuerySelector("#f-ReportedMemberStates-error")!.TextContent).ShouldBe(range);
        page.Value("#f-ReportedParticipants").ShouldBe("120");
        page.Value("#f-Countries-0--Participants").ShouldBe("7");
        (await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id))).ReportedParticipants.ShouldBeNull();
    }

    [Fact]
    public async Task Edit_SavesTotalsAndCountries_Audits_AndThePublicActivityPageFollows()
    {
        using var factory = new WebFactory();
        var (peru, chile) = await factory.WithDbAsync(async db => (await CountryAsync(db, "PE", "Peru", "Perú"), await CountryAsync(db, "CL", "Chile", "Chile")));
        var activity = NewActivity("Historic port forum", _past);
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync("maria@example.org");
        var anonymous = factory.CreateClient();
        var publicUrl = $"/activities/{activity.Slug}";
        (await anonymous.GetDocumentAsync(publicUrl)).QuerySelector("#participation").ShouldBeNull();

        (await client.SubmitAsync($"/Admin/Participation/Edit/{activity.Id}", "#record-form", new()
        {
            ["ReportedParticipants"] = "143", ["ReportedMemberStates"] = "11",
            ["Countries[0].CountryId"] = Id(peru.Id), ["Countries[0].Participants"] = "40", ["Countries[1].CountryId"] = Id(chile.Id),
        })).ShouldRedirect();
        var saved = await factory.WithDbAsync(db => db.Activities.Include(a => a.ParticipatingCountries).AsNoTracking().SingleAsync(a => a.Id == activity.Id));
        (saved.ReportedParticipants, saved.ReportedMemberStates).ShouldBe((143, 11));
        saved.ParticipatingCountries.Select(c => (c.CountryId, c.Participants)).ShouldBe([(peru.Id, 40), (chile.Id, (int?)null)], ignoreOrder: true);
        var participation = Squash((await anonymous.GetDocumentAsync(publicUrl)).QuerySelector("#participation")!.TextContent);
        participation.ShouldContain("143");
        participation.ShouldContain("Chile");

        // Removing Chile and changing the total shows at once on the cached public page.
        var form = await client.PageAsync($"/Admin/Participation/Edit/{activity.Id}");
        var chileRow = form.Value("#f-Countries-0--CountryId") == Id(chile.Id) ? 0 : 1;
        (await client.SubmitAsync(form, "#record-form", new() { ["ReportedParticipants"] = "150", [$"Countries[{chileRow}].CountryId"] = "" }, $"/Admin/Participation/Edit/{activity.Id}")).ShouldRedirect();
        participation = Squash((await anonymous.GetDocumentAsync(publicUrl)).QuerySelector("#participation")!.TextContent);
        participation.ShouldContain("150");
        participation.ShouldNotContain("Chile");

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Activity" && e.Action == "update").OrderBy(e => e.Id).ToListAsync());
        audit.Count.ShouldBe(2);
        audit.ShouldAllBe(e => e.UserName == "maria@example.org");
        audit[0].Changes!.ShouldContain("143");
    }

    [Fact]
    public async Task StaleEdit_IsRefused_OnSqlite() => await StaleEditScenarioAsync(new WebFactory());

    [PostgresFact]
    public async Task StaleEdit_IsRefused_OnPostgres() => await StaleEditScenarioAsync(await RecordTestKit.PostgresFactoryAsync(cluster));

    /// <summary>José adds a country only; Ana's form, opened before, is refused and names it.</summary>
    private static async Task StaleEditScenarioAsync(WebFactory factory)
    {
        using var _ = factory;
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var activity = NewActivity("Old forum", _past);
        await factory.AddAsync(activity);
        var (ana, jose) = await factory.TwoEditorsAsync();
        var url = $"/Admin/Participation/Edit/{activity.Id}";
        var anasForm = await ana.PageAsync(url);
        (await jose.SubmitAsync(url, "#record-form", new() { ["Countries[0].CountryId"] = Id(peru.Id), ["Countries[0].Participants"] = "9" })).ShouldRedirect();

        using var refused = await ana.SubmitAsync(anasForm, "#record-form", new() { ["ReportedParticipants"] = "77" }, url);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await ParseAsync(refused);
        page.Value("#f-ReportedParticipants").ShouldBe("77");
        page.ConflictItems().ShouldBe(["Participating countries: Peru 9"]);
        (await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id))).ReportedParticipants.ShouldBeNull();

        (await ana.SubmitAsync(page, "#record-form", [], url)).ShouldRedirect();
        (await factory.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id))).ReportedParticipants.ShouldBe(77);
    }

    [Fact]
    public async Task Export_IsCsv_WithFormulasNeutralised()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("=1+2 forum", _past, a => a.ReportedParticipants = 12));
        var client = await factory.SignedInStaffAsync();

        var lines = (await client.GetStringAsync("/Admin/Participation/Export?q=forum")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Id,StartsAtUtc,Kind,TitleEn,ReportedParticipants,ReportedMemberStates,Countries,Registrations");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain(",Webinar,'=1+2 forum,12,,0,0");
    }
}
